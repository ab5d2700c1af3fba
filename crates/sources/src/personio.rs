//! Personio XML feed: `https://{company}.jobs.personio.de/xml` → `<workzag-jobs><position>…`.
//! raw is the `<position>` as JSON (`Node::to_json`), plus `_base_url` (see [`BASE_URL_KEY`]).

use crate::util::*;
use crate::xml::{self, Node};
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::SourcePosting;
use serde_json::Value;

pub fn parse(
    bytes: &[u8],
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let doc = xml::parse(bytes)?;
    let Some(root) = doc
        .root
        .children
        .iter()
        .find(|n| n.local() == "workzag-jobs")
    else {
        return Err(DocError {
            reason: doc
                .error
                .unwrap_or_else(|| "personio: no <workzag-jobs> element".into()),
        });
    };
    let base = job_base_url(&ctx.source);
    for (i, p) in root.children_named("position").enumerate() {
        let at = At::Position(i + 1);
        if !p.complete {
            out(Err(ItemError {
                item: label(p, at),
                reason: doc
                    .error
                    .as_deref()
                    .unwrap_or("truncated <position>")
                    .to_string(),
            }));
            continue;
        }
        let mut raw = p.to_json();
        // The job page address is built from the feed's host, which only the source
        // address knows: keep it with the item.
        if let (Some(b), Some(_), Value::Object(o)) = (&base, p.child_text("id"), &mut raw) {
            o.insert(BASE_URL_KEY.into(), Value::String(b.clone()));
        }
        out(item(raw, at, ctx));
    }
    Ok(())
}

/// Raw key holding the board's address ("https://acme.jobs.personio.de"), from which the
/// job page URL `{base}/job/{id}` is built.
pub const BASE_URL_KEY: &str = "_base_url";

fn label(p: &Node, at: At) -> String {
    match p.child_text("id") {
        Some(id) => format!("id {id}"),
        None => at.to_string(),
    }
}

/// One `<position>`, given as its raw JSON form (see [`Node::from_json`]).
pub(crate) fn item(raw: Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    let p = &Node::from_json("position", &raw);
    let base = get_str(&raw, BASE_URL_KEY).or_else(|| job_base_url(&ctx.source));
    let title = p.child_text("name").ok_or_else(|| ItemError {
        item: label(p, at),
        reason: "no title (<name>)".into(),
    })?;
    let mut locations = Vec::new();
    push_loc(&mut locations, p.child_text("office"));
    if let Some(extra) = p.child("additionalOffices") {
        for o in extra.children_named("office") {
            push_loc(&mut locations, o.text_trimmed());
        }
    }
    let mut html = String::new();
    if let Some(jd) = p.child("jobDescriptions") {
        for d in jd.children_named("jobDescription") {
            let Some(value) = d.child_text("value") else {
                continue;
            };
            if let Some(name) = d.child_text("name") {
                html.push_str(&format!("<h3>{}</h3>", esc(&name)));
            }
            html.push_str(&value);
        }
    }
    let employment_type = join_parts(&[p.child_text("employmentType"), p.child_text("schedule")]);
    let skills = p
        .child_text("keywords")
        .map(|k| {
            k.split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let id = p.child_text("id");
    Ok(SourcePosting {
        url: match (&base, &id) {
            (Some(b), Some(id)) => Some(format!("{b}/job/{id}")),
            _ => None,
        },
        external_id: id,
        title,
        company: p.child_text("subcompany").or_else(|| ctx.company.clone()),
        description_html: (!html.is_empty()).then_some(html),
        locations,
        employment_type,
        posted_at: p.child_text("createdAt").and_then(|d| parse_date(&d)),
        department: p.child_text("department"),
        seniority: p.child_text("seniority"),
        skills,
        raw,
        ..Default::default()
    })
}

/// "https://acme.jobs.personio.de/xml?language=en" → "https://acme.jobs.personio.de".
fn job_base_url(source: &str) -> Option<String> {
    let s = source
        .split_once(':')
        .filter(|(k, _)| *k == "personio")
        .map_or(source, |(_, r)| r);
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    host.contains(".jobs.personio.")
        .then(|| format!("https://{host}"))
}
