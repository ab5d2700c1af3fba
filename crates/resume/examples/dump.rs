//! Prints the extracted text (or with `--profile`, the parsed profile as JSON) of each file:
//! `cargo run -p hirekit-resume --example dump -- [--profile] FILE…`
fn main() {
    let limits = hirekit_resume::Limits::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let profile = args.iter().any(|a| a == "--profile");
    for a in args.iter().filter(|a| !a.starts_with("--")) {
        let bytes = std::fs::read(a).expect("read");
        match hirekit_resume::parse_bytes(&bytes, a, &limits) {
            Ok(p) if profile => println!("===== {a}\n{}", serde_json::to_string_pretty(&p.profile).expect("json")),
            Ok(p) => {
                let d = p.document;
                println!("===== {a} ({:?}, {:?} pages, {:?})\n{}", d.format, d.pages, d.warnings, d.text)
            }
            Err(e) => println!("===== {a}: ERROR {e}"),
        }
    }
}
