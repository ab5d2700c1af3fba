//! `SALARY_DEBUG="text" cargo test --test salary_debug -- --nocapture` prints the parse.
#[test]
fn debug_one() {
    let Ok(t) = std::env::var("SALARY_DEBUG") else {
        return;
    };
    let cur = std::env::var("SALARY_DEFAULT").ok();
    let o = hirekit_model::salary::SalaryOptions {
        default_currency: cur,
    };
    println!("{:?}", hirekit_model::salary::parse_salary_with(&t, &o));
}
