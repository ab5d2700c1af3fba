//! Personio XML feed: `https://{company}.jobs.personio.de/xml` → `<workzag-jobs><position>…`.

use crate::util::*;
use crate::xml::{self, Node};
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::SourcePosting;

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
        out(item(p, i + 1, ctx, base.as_deref(), doc.error.as_deref()));
    }
    Ok(())
}

fn item(
    p: &Node,
    pos: usize,
    ctx: &Context,
    base: Option<&str>,
    err: Option<&str>,
) -> Result<SourcePosting, ItemError> {
    let label = || match p.child_text("id") {
        Some(id) => format!("id {id}"),
        None => format!("position {pos}"),
    };
    if !p.complete {
        return Err(ItemError {
            item: label(),
            reason: err.unwrap_or("truncated <position>").to_string(),
        });
    }
    let title = p.child_text("name").ok_or_else(|| ItemError {
        item: label(),
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
        url: match (base, &id) {
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
        raw: p.to_json(),
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
