//! Ashby posting API: `GET /posting-api/job-board/{board}?includeCompensation=true`.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, Salary, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let jobs = match doc.get("jobs") {
        Some(Value::Array(a)) => a,
        _ => {
            return Err(DocError {
                reason: "ashby: expected an object with a \"jobs\" array".into(),
            })
        }
    };
    for (i, job) in jobs.iter().enumerate() {
        out(item(job, At::Index(i), ctx));
    }
    Ok(())
}

pub(crate) fn item(job: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !job.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(job, "title").ok_or_else(|| ItemError {
        item: item_label(job, "id", at),
        reason: "no title".into(),
    })?;
    let mut locations = Vec::new();
    push_loc(&mut locations, get_str(job, "location"));
    for s in arr(job, "secondaryLocations") {
        push_loc(&mut locations, get_str(s, "location"));
    }
    let country =
        path_str(job, &["address", "postalAddress", "addressCountry"]).and_then(|c| iso2(&c));
    let remote = get_str(job, "workplaceType")
        .and_then(|w| remote_word(&w))
        .or_else(|| (get_bool(job, "isRemote") == Some(true)).then_some(RemotePolicy::Remote));
    let comp = job.get("compensation").unwrap_or(&Value::Null);
    let salary_text = get_str(comp, "scrapeableCompensationSalarySummary")
        .or_else(|| get_str(comp, "compensationTierSummary"));
    Ok(SourcePosting {
        external_id: get_str(job, "id"),
        title,
        company: ctx.company.clone(),
        description_html: get_str(job, "descriptionHtml"),
        description_text: get_str(job, "descriptionPlain"),
        locations,
        country,
        remote,
        employment_type: get_str(job, "employmentType"),
        salary: salary(comp),
        salary_text,
        url: get_str(job, "jobUrl"),
        apply_url: get_str(job, "applyUrl"),
        posted_at: get_date(job, "publishedAt"),
        updated_at: get_date(job, "updatedAt"),
        department: get_str(job, "department").or_else(|| get_str(job, "team")),
        raw: job.clone(),
        ..Default::default()
    })
}

/// The structured range from the first "Salary" component (summary first, then tiers).
fn salary(comp: &Value) -> Option<Salary> {
    let tiers = arr(comp, "compensationTiers")
        .iter()
        .flat_map(|t| arr(t, "components"));
    let c = arr(comp, "summaryComponents")
        .iter()
        .chain(tiers)
        .find(|c| {
            get_str(c, "compensationType").is_some_and(|t| t.eq_ignore_ascii_case("salary"))
        })?;
    let min = get_num(c, "minValue");
    let max = get_num(c, "maxValue");
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max,
        currency: get_str(c, "currencyCode").map(|s| s.to_ascii_uppercase()),
        period: get_str(c, "interval").and_then(|s| period_word(&s)),
    })
}
