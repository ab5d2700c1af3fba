//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Job boards put many shapes in titles
//! ("Company: Title", "Title at Company"); titles are kept as written, and the company is
//! filled only from an explicit company element. raw is the item element as JSON
//! (`Node::to_json`); nothing at channel level is used, so it needs nothing added.

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
        .find(|n| matches!(n.local(), "rss" | "feed" | "RDF"))
    else {
        return Err(DocError {
            reason: doc
                .error
                .unwrap_or_else(|| "feed: no <rss>, <feed> or <rdf:RDF> element".into()),
        });
    };
    let items: Vec<&Node> = match root.local() {
        "feed" => root.children_named("entry").collect(),
        "RDF" => root.children_named("item").collect(),
        // Items belong in <channel>; a few feeds put them directly under <rss>.
        _ => root
            .children_named("channel")
            .flat_map(|c| c.children_named("item"))
            .chain(root.children_named("item"))
            .collect(),
    };
    for (i, it) in items.into_iter().enumerate() {
        let at = At::Position(i + 1);
        if !it.complete {
            out(Err(ItemError {
                item: at.to_string(),
                reason: doc.error.as_deref().unwrap_or("truncated item").to_string(),
            }));
            continue;
        }
        out(item(it.to_json(), at, ctx));
    }
    Ok(())
}

/// First trimmed text among children with any of these names.
fn first(n: &Node, names: &[&str]) -> Option<String> {
    names.iter().find_map(|k| n.child_text(k))
}

/// One `<item>`/`<entry>`, given as its raw JSON form (see [`Node::from_json`]). Nothing
/// at channel level is used, so the item alone is enough.
pub(crate) fn item(raw: Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    let it = &Node::from_json("item", &raw);
    let label = at.to_string();
    let title = it.child_text("title").ok_or_else(|| ItemError {
        item: label,
        reason: "no title".into(),
    })?;
    // RSS <link>text</link>; Atom <link href=… rel="alternate"/> (rel absent means alternate).
    let link = it.children_named("link").find_map(|l| {
        let rel = l.attr("rel").unwrap_or("alternate");
        match l.attr("href") {
            Some(h) if rel == "alternate" && !h.trim().is_empty() => Some(h.trim().to_string()),
            Some(_) => None,
            None => l.text_trimmed(),
        }
    });
    let body = it
        .children_named("content:encoded")
        .chain(it.children_named("content"))
        .chain(it.children_named("description"))
        .chain(it.children_named("summary"))
        .find_map(|n| {
            n.text_trimmed()
                .map(|t| (t, n.attr("type").map(str::to_ascii_lowercase)))
        });
    let (html, text) = match body {
        Some((t, Some(ty))) if ty == "text" => (None, Some(t)),
        Some((t, Some(ty))) if ty == "html" || ty == "xhtml" => (Some(t), None),
        Some((t, _)) if looks_like_html(&t) => (Some(t), None),
        Some((t, _)) => (None, Some(t)),
        None => (None, None),
    };
    let mut locations = Vec::new();
    for l in it
        .children_named("location")
        .chain(it.children_named("job_location"))
    {
        push_loc(&mut locations, l.text_trimmed());
    }
    let date = |names: &[&str]| {
        names
            .iter()
            .filter_map(|k| it.child_text(k))
            .find_map(|d| parse_date(&d))
    };
    Ok(SourcePosting {
        external_id: first(it, &["guid", "id"]).or_else(|| link.clone()),
        title,
        company: first(
            it,
            &[
                "company",
                "company_name",
                "companyName",
                "employer",
                "hiringOrganization",
            ],
        )
        .or_else(|| ctx.company.clone()),
        description_html: html,
        description_text: text,
        locations,
        employment_type: first(
            it,
            &["job_type", "jobtype", "employment_type", "employmentType"],
        ),
        salary_text: first(it, &["salary"]),
        url: link,
        posted_at: date(&["pubDate", "published", "dc:date", "date"]),
        updated_at: date(&["updated"]),
        raw,
        ..Default::default()
    })
}
