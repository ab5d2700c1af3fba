//! The role library over HTTP: `/api/v1/roles[/{id}]` (JSON) and `/roles[/{id}]` (career-guide
//! pages with FAQPage JSON-LD). Role content comes from `hirekit_roles`; live figures
//! (listings, top skills, salary by seniority) go in `live_section`.

use std::fmt::Write;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hirekit_model::RoleFamily;
use hirekit_roles::{Role, UnknownRole};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::html::{esc, layout};
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    paths(list_roles, get_role),
    components(schemas(
        RoleSummary,
        Role,
        hirekit_roles::ToolGroup,
        hirekit_roles::Level,
        hirekit_roles::CareerPath,
        hirekit_roles::Faq,
        UnknownRoleBody,
        UnknownRoleDetail
    )),
    tags((name = "roles", description = "The role library: career guides for technical roles"))
)]
pub struct RolesDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/roles", get(list_roles))
        .route("/api/v1/roles/{id}", get(get_role))
        .route("/roles", get(index_page))
        .route("/roles/{id}", get(role_page))
}

/// One line of the role list.
#[derive(Serialize, ToSchema)]
pub struct RoleSummary {
    /// Slug, e.g. `backend-architect`.
    pub id: String,
    pub title: String,
    /// Role family, e.g. `backend`, `data-engineering`.
    pub role_family: String,
    pub summary: String,
    /// The role's JSON document.
    pub url: String,
}

/// 404 body for an unknown role: the usual error shape plus the nearest ids.
#[derive(Serialize, ToSchema)]
pub struct UnknownRoleBody {
    pub error: UnknownRoleDetail,
}

#[derive(Serialize, ToSchema)]
pub struct UnknownRoleDetail {
    /// Always `unknown_role`.
    pub code: String,
    pub message: String,
    /// Role ids close to the one asked for (may be empty).
    pub close_matches: Vec<String>,
}

fn unknown_role(e: UnknownRole) -> Response {
    let body = UnknownRoleBody {
        error: UnknownRoleDetail {
            code: "unknown_role".into(),
            message: e.to_string(),
            close_matches: e.close_matches,
        },
    };
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

#[utoipa::path(get, path = "/api/v1/roles", tag = "roles",
    responses((status = 200, description = "All roles, sorted by id", body = [RoleSummary])))]
pub async fn list_roles() -> Json<Vec<RoleSummary>> {
    Json(
        hirekit_roles::all()
            .iter()
            .map(|r| RoleSummary {
                id: r.id.clone(),
                title: r.title.clone(),
                role_family: r.role_family.as_str().into(),
                summary: r.summary.clone(),
                url: format!("/api/v1/roles/{}", r.id),
            })
            .collect(),
    )
}

#[utoipa::path(get, path = "/api/v1/roles/{id}", tag = "roles",
    params(("id" = String, Path, description = "Role id (slug), e.g. backend-architect")),
    responses((status = 200, body = Role), (status = 404, description = "Unknown role, with close matches", body = UnknownRoleBody)))]
pub async fn get_role(Path(id): Path<String>) -> Response {
    match hirekit_roles::get(&id) {
        Ok(r) => Json(r).into_response(),
        Err(e) => unknown_role(e),
    }
}

/// Family names as headings.
fn family_label(f: RoleFamily) -> &'static str {
    match f {
        RoleFamily::Backend => "Backend",
        RoleFamily::Frontend => "Frontend",
        RoleFamily::Fullstack => "Full-stack",
        RoleFamily::Software => "Software engineering",
        RoleFamily::Mobile => "Mobile",
        RoleFamily::Devops => "DevOps, SRE and infrastructure",
        RoleFamily::DataEngineering => "Data engineering",
        RoleFamily::DataScience => "Data science and analytics",
        RoleFamily::MachineLearning => "Machine learning and AI",
        RoleFamily::Security => "Security",
        RoleFamily::Qa => "Quality assurance",
        RoleFamily::Embedded => "Embedded and firmware",
        RoleFamily::Architecture => "Architecture",
        RoleFamily::EngineeringManagement => "Engineering management",
        RoleFamily::ProductManagement => "Product management",
        RoleFamily::Design => "Design and research",
        RoleFamily::Other => "Writing and developer relations",
    }
}

async fn index_page() -> Response {
    let mut b = String::from(
        "<h2>Roles</h2><p>Career guides for technical roles: what they do, skills, tools, seniority, \
         career paths and interview kits.</p>",
    );
    for f in RoleFamily::ALL {
        let roles: Vec<&Role> = hirekit_roles::by_family(f).collect();
        if roles.is_empty() {
            continue;
        }
        let _ = write!(b, "<section><h3 id=\"{}\">{}</h3><ul>", f.as_str(), esc(family_label(f)));
        for r in roles {
            let _ = write!(
                b,
                "<li><a href=\"/roles/{}\">{}</a> — {}</li>",
                esc(&r.id),
                esc(&r.title),
                esc(&r.summary)
            );
        }
        b.push_str("</ul></section>");
    }
    layout("Roles", &b).into_response()
}

async fn role_page(Path(id): Path<String>) -> Response {
    match hirekit_roles::get(&id) {
        Ok(r) => layout(&r.title, &role_html(r)).into_response(),
        Err(e) => {
            let mut b = format!("<h2>Unknown role</h2><p>{}</p>", esc(&format!("No role {:?}.", e.id)));
            if !e.close_matches.is_empty() {
                b.push_str("<p>Did you mean:</p><ul>");
                for m in &e.close_matches {
                    let _ = write!(b, "<li>{}</li>", role_link(m));
                }
                b.push_str("</ul>");
            }
            b.push_str("<p><a href=\"/roles\">All roles</a></p>");
            (StatusCode::NOT_FOUND, layout("Unknown role", &b)).into_response()
        }
    }
}

/// LIVE DATA GOES HERE (lead): listings count, top skills by share of matching postings, and
/// salary by seniority and region with sample sizes, computed from the store at request time.
/// Returns trusted HTML; empty until wired.
pub fn live_section(_role: &Role) -> String {
    String::new()
}

/// A link to another role by id, with its title (or the bare id if unknown).
fn role_link(id: &str) -> String {
    match hirekit_roles::get(id) {
        Ok(r) => format!("<a href=\"/roles/{}\">{}</a>", esc(&r.id), esc(&r.title)),
        Err(_) => esc(id),
    }
}

fn list(b: &mut String, items: &[String]) {
    b.push_str("<ul>");
    for i in items {
        let _ = write!(b, "<li>{}</li>", esc(i));
    }
    b.push_str("</ul>");
}

fn years(y: (u8, Option<u8>)) -> String {
    match y {
        (a, Some(b)) => format!("{a}–{b} years"),
        (a, None) => format!("{a}+ years"),
    }
}

/// The career-guide page body.
fn role_html(r: &Role) -> String {
    let mut b = String::with_capacity(16 * 1024);
    b.push_str(
        "<style>.role table{border-collapse:collapse}.role th,.role td{border-top:1px solid #dde;\
         padding:.35rem .5rem;text-align:left;vertical-align:top}.role dd{margin:0 0 .4rem 1rem}</style>\
         <article class=\"role\">",
    );
    let _ = write!(
        b,
        "<nav class=\"meta\"><a href=\"/roles\">Roles</a> › <a href=\"/roles#{fam}\">{famlabel}</a></nav>\
         <h2>{title}</h2><p><strong>{summary}</strong></p>\
         <p><a class=\"apply\" href=\"/kits/{id}\">Interview kit for this role</a></p>",
        fam = r.role_family.as_str(),
        famlabel = esc(family_label(r.role_family)),
        title = esc(&r.title),
        summary = esc(&r.summary),
        id = esc(&r.id),
    );
    b.push_str(&live_section(r));
    let _ = write!(b, "<h3>What a {} does</h3><p>{}</p>", esc(&r.title.to_lowercase()), esc(&r.what_they_do));
    b.push_str("<h3>Responsibilities</h3>");
    list(&mut b, &r.responsibilities);
    b.push_str("<h3>Hard skills</h3><p>");
    for s in &r.hard_skills {
        let _ = write!(b, "<span class=\"tag\">{}</span>", esc(s));
    }
    b.push_str("</p><h3>Soft skills</h3>");
    list(&mut b, &r.soft_skills);
    b.push_str("<h3>Tools by category</h3><dl>");
    for t in &r.tools {
        let _ = write!(b, "<dt><strong>{}</strong></dt><dd>{}</dd>", esc(&t.category), esc(&t.items.join(", ")));
    }
    b.push_str("</dl><h3>Seniority ladder</h3><table><thead><tr><th>Level</th><th>Typical experience</th><th>What is expected</th></tr></thead><tbody>");
    for l in &r.seniority {
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&l.name),
            years(l.years),
            esc(&l.expectations)
        );
    }
    b.push_str("</tbody></table><h3>Career path</h3>");
    let links = |ids: &[String]| ids.iter().map(|i| role_link(i)).collect::<Vec<_>>().join(", ");
    if !r.career_path.from.is_empty() {
        let _ = write!(b, "<p>Often comes from: {}</p>", links(&r.career_path.from));
    }
    if !r.career_path.to.is_empty() {
        let _ = write!(b, "<p>Often moves on to: {}</p>", links(&r.career_path.to));
    }
    let _ = write!(b, "<h3>Related roles</h3><p>{}</p>", links(&r.related));
    if !r.interview_focus.is_empty() {
        b.push_str("<h3>What interviews focus on</h3>");
        list(&mut b, &r.interview_focus);
    }
    let _ = write!(b, "<h3>Job titles for this role</h3><p class=\"meta\">{}</p>", esc(&r.titles.join(" · ")));
    b.push_str("<h3>Frequently asked questions</h3>");
    for f in &r.faqs {
        let _ = write!(b, "<h4>{}</h4><p>{}</p>", esc(&f.q), esc(&f.a));
    }
    b.push_str("</article>");
    b.push_str(&faq_jsonld(r));
    b
}

/// schema.org FAQPage for the FAQs. `</` is escaped so text can never close the script element.
fn faq_jsonld(r: &Role) -> String {
    let doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": r.faqs.iter().map(|f| serde_json::json!({
            "@type": "Question",
            "name": f.q,
            "acceptedAnswer": {"@type": "Answer", "text": f.a},
        })).collect::<Vec<_>>(),
    });
    let json = doc.to_string().replace("</", "<\\/");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonld_cannot_close_the_script() {
        let mut r = hirekit_roles::get("backend-engineer").expect("role").clone();
        r.faqs[0].a = "</script><script>alert(1)</script>".into();
        let s = faq_jsonld(&r);
        assert_eq!(s.matches("</script>").count(), 1, "{s}");
        let inner = s.trim_start_matches("<script type=\"application/ld+json\">").trim_end_matches("</script>");
        let v: serde_json::Value = serde_json::from_str(inner).expect("valid JSON");
        assert_eq!(v["mainEntity"][0]["acceptedAnswer"]["text"], "</script><script>alert(1)</script>");
    }
}
