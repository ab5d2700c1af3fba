//! A kit as a printable HTML fragment (body content with its own style, screen and print).

use std::fmt::Write;

use crate::{Kit, Question};

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    hirekit_model::text::escape_html(s)
}

/// Scoped to `.kit`; in print the site header and the controls disappear, each section
/// starts on a fresh page and every question gets room for notes.
const STYLE: &str = "<style>\
.kit h2{border-bottom:2px solid #1d2330;padding-bottom:.2rem;margin-top:2rem}\
.kit .kit-meta{color:#5a6275}\
.kit ol.qs{padding-left:1.4rem}.kit ol.qs>li{margin-bottom:1.1rem}\
.kit .q{font-weight:600;margin:.2rem 0}\
.kit .tag{display:inline-block;background:#eef2fb;border-radius:.3rem;padding:0 .35rem;margin-right:.3rem;font-size:.8rem;font-weight:400}\
.kit dl{margin:.3rem 0 0 0}.kit dt{font-weight:600;font-size:.9rem;color:#34405a}.kit dd{margin:0 0 .3rem 0}\
.kit dd ul{margin:.1rem 0;padding-left:1.1rem}\
.kit blockquote{margin:.4rem 0;padding:.4rem .8rem;border-left:3px solid #1f5fbf;background:#f5f8fd}\
.kit table{border-collapse:collapse;width:100%;font-size:.85rem}\
.kit th,.kit td{border:1px solid #c8cdd8;padding:.35rem;vertical-align:top;text-align:left}\
.kit td.score{width:3.5rem}\
.kit .notes{display:none}\
@media print{\
body>header,.no-print{display:none!important}\
body{max-width:none;padding:0;font-size:10.5pt}\
.kit a{color:inherit;text-decoration:none}\
.kit section{break-before:page}.kit section:first-of-type{break-before:auto}\
.kit ol.qs>li,.kit tr,.kit .prompt{break-inside:avoid}\
.kit .notes{display:block;height:4.5rem;border:1px dashed #999;margin-top:.3rem}\
.kit .tag{border:1px solid #999;background:none}\
}\
</style>";

fn dl_item(o: &mut String, term: &str, items: &[String]) {
    let _ = write!(o, "<dt>{}</dt><dd><ul>", esc(term));
    for it in items {
        let _ = write!(o, "<li>{}</li>", esc(it));
    }
    o.push_str("</ul></dd>");
}

fn question(o: &mut String, tags: &[String], q: &Question) {
    o.push_str("<li><p class=\"q\">");
    for t in tags {
        let _ = write!(o, "<span class=\"tag\">{}</span>", esc(t));
    }
    let _ = write!(
        o,
        "{}</p><dl><dt>Strong answer</dt><dd>{}</dd>",
        esc(&q.text),
        esc(&q.strong_answer)
    );
    dl_item(o, "Red flags", &q.red_flags);
    o.push_str("</dl><div class=\"notes\"></div></li>");
}

/// The kit as an HTML fragment: a `<style>` element and an `<article class="kit">` whose
/// sections have the ids `screening`, `technical`, `system-design`, `behavioural`, `scorecard`.
pub fn to_html(kit: &Kit) -> String {
    let mut o = String::with_capacity(32 * 1024);
    o.push_str(STYLE);
    let _ = write!(
        o,
        "<article class=\"kit\"><h1>Interview kit: {} <small>({})</small></h1>\
<p class=\"kit-meta\">Role <code>{}</code> · {} · {}. Score every competency 1–4 on the scorecard before \
discussing the candidate with other interviewers.</p>",
        esc(&kit.role_title),
        esc(kit.seniority.as_str()),
        esc(&kit.role_id),
        esc(kit.role_family.as_str()),
        esc(kit.seniority.as_str())
    );

    let _ = write!(
        o,
        "<section id=\"screening\"><h2>Screening questions</h2><ol class=\"qs\">"
    );
    for q in &kit.screening {
        let tags: Vec<String> = q.topic.iter().map(|t| t.replace('-', " ")).collect();
        question(&mut o, &tags, q);
    }
    o.push_str("</ol></section>");

    let _ = write!(
        o,
        "<section id=\"technical\"><h2>Technical questions</h2><ol class=\"qs\">"
    );
    for q in &kit.technical {
        let mut tags: Vec<String> = q.skill.iter().cloned().collect();
        tags.push(q.level.as_str().to_string());
        question(&mut o, &tags, q);
    }
    o.push_str("</ol></section>");

    if !kit.system_design.is_empty() {
        let _ = write!(o, "<section id=\"system-design\"><h2>System design</h2>");
        for p in &kit.system_design {
            let _ = write!(
                o,
                "<div class=\"prompt\"><h3>{}</h3><blockquote>{}</blockquote><dl><dt>Scale</dt><dd>{}</dd>",
                esc(&p.title),
                esc(&p.prompt),
                esc(&p.scale)
            );
            dl_item(&mut o, "Cover", &p.cover);
            dl_item(&mut o, "Strong signals", &p.strong_signals);
            dl_item(&mut o, "Red flags", &p.red_flags);
            o.push_str("</dl><div class=\"notes\"></div></div>");
        }
        o.push_str("</section>");
    }

    let _ = write!(
        o,
        "<section id=\"behavioural\"><h2>Behavioural questions</h2>\
<p>Ask for one specific situation; probe for the candidate's own actions and the result (STAR).</p><ol class=\"qs\">"
    );
    for q in &kit.behavioural {
        let name = q.competency.as_deref().map(|c| {
            kit.scorecard
                .iter()
                .find(|k| k.id == c)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| c.to_string())
        });
        question(&mut o, &name.into_iter().collect::<Vec<_>>(), q);
    }
    o.push_str("</ol></section>");

    o.push_str(
        "<section id=\"scorecard\"><h2>Scorecard</h2><table><thead><tr><th>Competency</th>\
<th>1 — strong no</th><th>2 — no</th><th>3 — yes</th><th>4 — strong yes</th><th>Score</th></tr></thead><tbody>",
    );
    for c in &kit.scorecard {
        let _ = write!(
            o,
            "<tr><td><strong>{}</strong><br>{}</td>",
            esc(&c.name),
            esc(&c.description)
        );
        for r in &c.rubric {
            let _ = write!(o, "<td>{}</td>", esc(r));
        }
        o.push_str("<td class=\"score\"></td></tr>");
    }
    o.push_str("</tbody></table></section></article>");
    o
}
