//! The role library over HTTP: `/api/v1/roles[/{id}]` (JSON) and `/roles[/{id}]` (career-guide
//! pages with FAQPage JSON-LD). Role content comes from `hirekit_roles`; live figures
//! (listings, top skills, salary by seniority and region) come from this node's search index
//! at request time ([`live_blocking`]), with the salary statistics of `/api/v1/salaries`.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hirekit_index::{SearchError, SearchIndex, SearchRequest};
use hirekit_model::money::Rates;
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
        RoleView,
        Live,
        SkillShare,
        SalaryBand,
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
    responses((status = 200, description = "The role with live figures from the listings", body = RoleView), (status = 404, description = "Unknown role, with close matches", body = UnknownRoleBody)))]
pub async fn get_role(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let r = match hirekit_roles::get(&id) {
        Ok(r) => r,
        Err(e) => return unknown_role(e),
    };
    match live(&st, r.role_family).await {
        Ok(live) => Json(RoleView { role: r.clone(), live }).into_response(),
        Err(e) => crate::search::search_error(e),
    }
}

/// A role of the library with live figures from the listings.
#[derive(Serialize, ToSchema)]
pub struct RoleView {
    #[serde(flatten)]
    pub role: Role,
    pub live: Live,
}

/// What the open listings of the role's family say right now.
#[derive(Debug, Serialize, ToSchema)]
pub struct Live {
    /// The index's role family the figures are for (several roles can share one).
    pub role_family: String,
    /// Open listings in the family.
    pub listings: u64,
    /// The board search for those listings.
    pub search_url: String,
    /// Up to 10 skills, by the share of the listings that ask for them (0–1).
    pub top_skills: Vec<SkillShare>,
    /// Yearly pay per seniority (only levels with enough figures).
    pub salary_by_seniority: Vec<SalaryBand>,
    /// Yearly pay in the regions with the most listings (a listing can count in several
    /// regions: europe is part of emea).
    pub salary_by_region: Vec<SalaryBand>,
    /// Listings with salary data the figures rest on (after outliers are set aside).
    pub sample_size: usize,
    /// "Typical salary: $120k–$160k · 312 listings with salary data", or why there is none.
    pub headline: String,
    /// ISO 4217 code of every figure.
    pub currency: String,
    /// True when the search time budget cut a scan short.
    pub partial: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SkillShare {
    pub skill: String,
    /// Share of the family's open listings asking for it, 0–1.
    pub share: f64,
    pub listings: u64,
}

/// Yearly pay of one group of listings.
#[derive(Debug, Serialize, ToSchema)]
pub struct SalaryBand {
    /// Seniority (junior, mid, senior…) or region code (north-america, europe, emea…).
    pub group: String,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    /// Figures behind the percentiles.
    pub n: usize,
}

const TOP_SKILLS: usize = 10;
const TOP_REGIONS: usize = 5;

/// Live figures for a role family, computed on the blocking pool (index scans are CPU work).
pub async fn live(st: &AppState, family: RoleFamily) -> Result<Live, SearchError> {
    let index = st.index.clone();
    let rates = st.rates.clone();
    tokio::task::spawn_blocking(move || live_blocking(&index, &rates, family))
        .await
        .unwrap_or_else(|e| Err(SearchError::Internal(e.to_string())))
}

/// Listings count and skills from one facet-only search; salaries from the same statistics as
/// `/api/v1/salaries` (overall and per seniority), then once per top region.
pub fn live_blocking(index: &SearchIndex, rates: &Rates, family: RoleFamily) -> Result<Live, SearchError> {
    let req = SearchRequest { role_family: vec![family], limit: 0, facets: true, ..SearchRequest::default() };
    let found = index.search(&req)?;
    let listings = found.total;
    let top_skills = found
        .facets
        .skills
        .0
        .iter()
        .take(TOP_SKILLS)
        .map(|(skill, n)| SkillShare { skill: skill.clone(), share: share(*n, listings), listings: *n })
        .collect();
    let fam = ("role_family".to_string(), family.as_str().to_string());
    let report = crate::search::salary_report_blocking(index, rates, std::slice::from_ref(&fam))?;
    let mut partial = found.partial || report.partial;
    let salary_by_seniority = report
        .insight
        .by_seniority
        .iter()
        .map(|b| band(b.seniority.as_str(), &b.percentiles, b.count))
        .collect();
    let mut salary_by_region = Vec::new();
    for (region, _) in found.facets.region.0.iter().take(TOP_REGIONS) {
        let pairs = [fam.clone(), ("region".to_string(), region.clone())];
        let r = crate::search::salary_report_blocking(index, rates, &pairs)?;
        partial |= r.partial;
        if let Some(pc) = &r.insight.overall {
            salary_by_region.push(band(region, pc, r.insight.used));
        }
    }
    Ok(Live {
        role_family: family.as_str().into(),
        listings,
        search_url: format!("/?role_family={}", family.as_str()),
        top_skills,
        salary_by_seniority,
        salary_by_region,
        sample_size: report.insight.used,
        headline: report.insight.headline,
        currency: report.insight.currency,
        partial,
    })
}

fn share(n: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

fn band(group: &str, p: &hirekit_insight::Percentiles, n: usize) -> SalaryBand {
    SalaryBand { group: group.into(), p25: p.p25, median: p.p50, p75: p.p75, n }
}

fn seniority_label(s: &str) -> String {
    match s {
        "mid" => "Mid-level".into(),
        _ => {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

fn region_label(r: &str) -> String {
    match r {
        "emea" | "apac" => r.to_ascii_uppercase(),
        "latam" => "Latin America".into(),
        "anywhere" => "Anywhere (remote)".into(),
        _ => r.split('-').map(seniority_label).collect::<Vec<_>>().join(" "),
    }
}

/// The live section of the role page (trusted HTML).
fn live_html(l: &Live) -> String {
    let group = hirekit_insight::group_digits;
    let mut b = String::from("<section class=\"live\" id=\"live\"><h3>In the listings now</h3>");
    let fam = crate::board::family_label(&l.role_family);
    let _ = write!(
        b,
        "<p><a id=\"live-listings\" href=\"{}\"><strong>{}</strong> open listings</a> in the {} family.</p>",
        esc(&l.search_url),
        group(l.listings),
        esc(&fam)
    );
    if l.listings == 0 {
        b.push_str("<p class=\"meta\">No open listings for this role family yet, so no live skills or salary figures. They appear here as soon as postings are ingested.</p></section>");
        return b;
    }
    let _ = write!(b, "<p class=\"headline\" id=\"live-headline\">{}</p>", esc(&l.headline));
    if !l.top_skills.is_empty() {
        b.push_str("<h4>Skills the listings ask for</h4><table id=\"live-skills\"><thead><tr><th>Skill</th><th class=\"num\">Share of listings</th></tr></thead><tbody>");
        for s in &l.top_skills {
            let _ = write!(
                b,
                "<tr><td>{}</td><td class=\"num\">{:.0}%</td></tr>",
                esc(&s.skill),
                s.share * 100.0
            );
        }
        b.push_str("</tbody></table>");
    }
    let cur = &l.currency;
    let table = |b: &mut String, id: &str, head: &str, rows: &[SalaryBand], label: &dyn Fn(&str) -> String| {
        let _ = write!(
            b,
            "<table id=\"{id}\"><thead><tr><th>{head}</th><th class=\"num\">Typical (p25–p75)</th><th class=\"num\">Median</th><th class=\"num\">Listings</th></tr></thead><tbody>"
        );
        for r in rows {
            let _ = write!(
                b,
                "<tr><td>{}</td><td class=\"num\">{}–{}</td><td class=\"num\"><strong>{}</strong></td><td class=\"num\">{}</td></tr>",
                esc(&label(&r.group)),
                hirekit_insight::money_short(r.p25, cur),
                hirekit_insight::money_short(r.p75, cur),
                hirekit_insight::money_short(r.median, cur),
                group(r.n as u64)
            );
        }
        b.push_str("</tbody></table>");
    };
    if !l.salary_by_seniority.is_empty() {
        b.push_str("<h4>Salary by experience</h4>");
        table(&mut b, "live-seniority", "Seniority", &l.salary_by_seniority, &seniority_label);
    }
    if !l.salary_by_region.is_empty() {
        b.push_str("<h4>Salary by region</h4>");
        table(&mut b, "live-regions", "Region", &l.salary_by_region, &region_label);
    }
    let _ = write!(
        b,
        "<p class=\"meta\">Sample: {} listings with salary data of {} open listings{}. Yearly pay in {}, by the midpoint of each range;          a level or region needs at least {} figures. <a href=\"/salaries/{}\">More salary data</a></p></section>",
        group(l.sample_size as u64),
        group(l.listings),
        if l.partial { " (scan cut short by the time budget)" } else { "" },
        esc(cur),
        hirekit_insight::MIN_SAMPLE,
        esc(&l.role_family)
    );
    b
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

async fn role_page(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    match hirekit_roles::get(&id) {
        Ok(r) => {
            let live = match live(&st, r.role_family).await {
                Ok(l) => live_html(&l),
                Err(e) => {
                    tracing::warn!(error = %e, role = %r.id, "live role figures failed");
                    "<p class=\"meta\" id=\"live\">Live figures are not available right now.</p>".to_string()
                }
            };
            layout(&r.title, &role_html(r, &live)).into_response()
        }
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

/// The career-guide page body; `live` is the trusted HTML of the live figures.
fn role_html(r: &Role, live: &str) -> String {
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
    b.push_str(live);
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
