//! Reads job titles (one per line) on stdin and prints `role-id<TAB>family<TAB>title` (`-` when
//! no role matches; family is the title normalizer's). For eyeballing `match_title` on real data:
//! `cut -d, -f2 titles.csv | cargo run -p hirekit-roles --example match_titles`
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let id = hirekit_roles::match_title(t)
            .map(|r| r.id.as_str())
            .unwrap_or("-");
        let fam = hirekit_model::title::normalize_title(t).role_family;
        println!("{id}\t{}\t{t}", fam.as_str());
    }
}
