//! Searching: request → tantivy query + per-document plan → response.

use std::ops::Bound;
use std::sync::Arc;
use std::time::Instant;

use hirekit_model::money::annual_range;
use hirekit_model::{EmploymentType, RoleFamily, Seniority};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::collect::{Entry, Fruit, Plan, Run};
use crate::request::{
    employment_name, encode_cursor, SearchError, SearchRequest, SkillMatch, Sort, MAX_OFFSET,
};
use crate::response::{
    AnnualSalary, FacetCounts, Facets, Hit, SalaryPoint, SalarySample, SearchResponse,
};
use crate::schema::{code, decode, Fields, StoredDoc, PERIODS, REMOTE};
use crate::{query, snippet, SearchIndex};

/// Salary band edges (annual, in the request's currency) and their labels.
const BANDS: [f64; 5] = [50_000.0, 100_000.0, 150_000.0, 200_000.0, 300_000.0];
const BAND_LABELS: [&str; 6] = [
    "<50k",
    "50k-100k",
    "100k-150k",
    "150k-200k",
    "200k-300k",
    "300k+",
];

fn bad(param: &str, message: impl Into<String>) -> SearchError {
    SearchError::BadValue {
        param: param.into(),
        message: message.into(),
    }
}

fn mask<T: PartialEq + Copy>(all: &[T], wanted: &[T]) -> u64 {
    wanted
        .iter()
        .fold(0u64, |m, v| m | (1 << code(all, Some(*v))))
}

fn filter(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

fn text_terms(
    field: tantivy::schema::Field,
    values: impl IntoIterator<Item = String>,
) -> Box<dyn Query> {
    Box::new(TermSetQuery::new(
        values.into_iter().map(|v| Term::from_field_text(field, &v)),
    ))
}

impl SearchIndex {
    fn to_usd(&self, amount: f64, currency: &str) -> Result<f64, SearchError> {
        let (_, _, _, rates) = self.inner_parts();
        rates.convert(amount, currency, "USD").ok_or_else(|| {
            bad(
                "currency",
                format!(
                    "{currency:?} is not in the exchange-rate table (known: {})",
                    rates.currencies().join(", ")
                ),
            )
        })
    }

    /// The tantivy query (text + selective filters) and the per-document plan.
    fn prepare(
        &self,
        req: &SearchRequest,
        parsed: &query::Parsed,
        top: usize,
    ) -> Result<(Box<dyn Query>, Plan), SearchError> {
        let (_, f, _, _) = self.inner_parts();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let (reader, _, _, _) = self.inner_parts();
        let text = query::text_query(parsed, f, &reader.searcher());
        let has_text = !parsed.must.is_empty();
        if let Some(t) = text {
            clauses.push((Occur::Must, t));
        }
        filters(req, f, &mut clauses);
        let q: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let currency = if req.currency.trim().is_empty() {
            "USD".to_string()
        } else {
            req.currency.trim().to_ascii_uppercase()
        };
        let salary = match (req.salary_min, req.salary_max) {
            (None, None) => None,
            (lo, hi) => Some((
                lo.map_or(Ok(f64::NEG_INFINITY), |x| self.to_usd(x, &currency))?,
                hi.map_or(Ok(f64::INFINITY), |x| self.to_usd(x, &currency))?,
            )),
        };
        let band_edges = BANDS
            .iter()
            .map(|b| self.to_usd(*b, &currency))
            .collect::<Result<Vec<_>, _>>()?;
        let now = req.now.unwrap_or_else(|| chrono::Utc::now().timestamp());
        // an empty query matches everything equally: relevance means newest
        let sort = if req.sort == Sort::Relevance && !has_text {
            Sort::Newest
        } else {
            req.sort
        };
        let plan = Plan {
            role_mask: mask(&RoleFamily::ALL, &req.role_family),
            seniority_mask: mask(&Seniority::ALL, &req.seniority),
            remote_mask: mask(&REMOTE, &req.remote),
            employment_mask: mask(&EmploymentType::ALL, &req.employment_type),
            include_closed: req.include_closed,
            salary,
            posted_after: req.posted_within.map(|d| now - i64::from(d) * 86_400),
            top,
            sort,
            scoring: sort == Sort::Relevance,
            facets: req.facets,
            band_edges,
            salaries: false,
            deadline: req.budget.map(|b| Instant::now() + b),
        };
        Ok((q, plan))
    }

    fn run(&self, q: &dyn Query, plan: Plan) -> Result<(Searcher, Fruit), SearchError> {
        let (reader, _, cache, _) = self.inner_parts();
        let searcher = reader.searcher();
        let fruit = searcher.search(
            q,
            &Run {
                plan: Arc::new(plan),
                cache,
            },
        )?;
        Ok((searcher, fruit))
    }

    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let t0 = Instant::now();
        let offset = req.offset()?;
        let limit = req.effective_limit();
        let parsed = query::parse(&req.q)?;
        let (q, plan) = self.prepare(req, &parsed, offset + limit)?;
        let currency = plan_currency(req);
        let (searcher, fruit) = self.run(&*q, plan)?;
        let words = parsed.positive_tokens();
        let hits = fruit
            .top
            .iter()
            .skip(offset)
            .take(limit)
            .map(|e| self.hit(&searcher, e, &currency, &words))
            .collect::<Result<Vec<_>, _>>()?;
        let shown = offset + hits.len();
        let next_cursor =
            (shown < fruit.total as usize && offset + limit <= MAX_OFFSET && !hits.is_empty())
                .then(|| encode_cursor(offset + limit, req.fingerprint()));
        let facets = if req.facets {
            facets(&fruit)
        } else {
            Facets::default()
        };
        Ok(SearchResponse {
            total: fruit.total,
            hits,
            facets,
            next_cursor,
            partial: fruit.partial,
            took_ms: t0.elapsed().as_secs_f64() * 1000.0,
        })
    }

    /// Every matching posting's pay, annualized in the request's currency, for salary insight.
    pub fn salaries(&self, req: &SearchRequest) -> Result<SalarySample, SearchError> {
        let parsed = query::parse(&req.q)?;
        let (q, mut plan) = self.prepare(req, &parsed, 0)?;
        plan.facets = false;
        plan.salaries = true;
        plan.scoring = false;
        let currency = plan_currency(req);
        let (_, fruit) = self.run(&*q, plan)?;
        let from_usd = self.to_usd(1.0, &currency)?; // USD per unit of currency
        let points = fruit
            .salaries
            .iter()
            .map(|p| SalaryPoint {
                id: p.id,
                lo: p.lo_usd as f64 / from_usd,
                hi: p.hi_usd as f64 / from_usd,
                period: decode(&PERIODS, p.period as u64),
                seniority: decode(&Seniority::ALL, p.seniority as u64),
                role_family: decode(&RoleFamily::ALL, p.role as u64),
            })
            .collect();
        let matched_by_role = fruit
            .role
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(c, n)| Some((decode(&RoleFamily::ALL, c as u64)?, *n)))
            .collect();
        Ok(SalarySample {
            currency,
            matched: fruit.total,
            matched_by_role,
            points,
            partial: fruit.partial,
        })
    }

    /// Open postings like posting `id`: same role family, shared skills and title words.
    /// Empty when the posting is not in the index.
    pub fn similar(&self, id: i64, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let (_, f, _, _) = self.inner_parts();
        let limit = limit.clamp(1, crate::MAX_LIMIT);
        let Some((searcher, me)) = self.by_id(id)? else {
            return Ok(vec![]);
        };
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (t, _, _) in crate::tokenizer::tokens(&me.title) {
            if t.chars().count() >= 3 && seen.insert(t.clone()) {
                let q = TermQuery::new(
                    Term::from_field_text(f.title, &t),
                    IndexRecordOption::WithFreqs,
                );
                should.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 2.0))));
            }
        }
        for s in &me.skills {
            let q = TermQuery::new(
                Term::from_field_text(f.skill_lc, &s.to_lowercase()),
                IndexRecordOption::Basic,
            );
            should.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(q), 1.5)),
            ));
        }
        let role = TermQuery::new(
            Term::from_field_u64(f.role, code(&RoleFamily::ALL, Some(me.role_family))),
            IndexRecordOption::Basic,
        );
        should.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(role), 1.0)),
        ));
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
            ),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_i64(f.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let plan = Plan {
            top: limit,
            sort: Sort::Relevance,
            scoring: true,
            ..Plan::default()
        };
        drop(searcher);
        let (searcher, fruit) = self.run(&q, plan)?;
        fruit
            .top
            .iter()
            .map(|e| self.hit(&searcher, e, "USD", &[]))
            .collect()
    }

    /// The stored document of posting `id`, if indexed.
    fn by_id(&self, id: i64) -> Result<Option<(Searcher, StoredDoc)>, SearchError> {
        let (_, f, _, _) = self.inner_parts();
        let q = TermQuery::new(Term::from_field_i64(f.id, id), IndexRecordOption::Basic);
        let plan = Plan {
            top: 1,
            include_closed: true,
            sort: Sort::Newest,
            ..Plan::default()
        };
        let (searcher, fruit) = self.run(&q, plan)?;
        match fruit.top.first() {
            Some(e) => {
                let d = load(&searcher, f, e)?;
                Ok(Some((searcher, d)))
            }
            None => Ok(None),
        }
    }

    fn hit(
        &self,
        searcher: &Searcher,
        e: &Entry,
        currency: &str,
        words: &[(String, bool)],
    ) -> Result<Hit, SearchError> {
        let (_, f, _, rates) = self.inner_parts();
        let d = load(searcher, f, e)?;
        let default_cur = d
            .countries
            .iter()
            .find_map(|c| hirekit_model::location::country_currency(c));
        let salary_annual = d
            .salary
            .as_ref()
            .and_then(|s| annual_range(s, rates, currency, default_cur))
            .map(|(min, max)| AnnualSalary {
                min: min.round(),
                max: max.round(),
                currency: currency.to_string(),
            });
        let snippet = snippet::snippet(&d.description, words);
        Ok(Hit {
            id: d.id,
            title: d.title,
            company: d.company,
            apply_url: d.apply_url,
            url: d.url,
            salary: d.salary,
            salary_annual,
            role_family: d.role_family,
            seniority: d.seniority,
            remote: d.remote,
            countries: d.countries,
            regions: d.regions,
            locations: d.locations,
            skills: d.skills,
            employment_type: d.employment_type,
            posted_at: d.posted_at,
            sources: d.sources,
            closed: d.closed,
            snippet,
            score: e.score,
        })
    }
}

fn plan_currency(req: &SearchRequest) -> String {
    let c = req.currency.trim();
    if c.is_empty() {
        "USD".into()
    } else {
        c.to_ascii_uppercase()
    }
}

fn load(searcher: &Searcher, f: &Fields, e: &Entry) -> Result<StoredDoc, SearchError> {
    let doc: TantivyDocument = searcher.doc(DocAddress::new(e.seg, e.doc))?;
    let json = doc
        .get_first(f.doc)
        .and_then(|v| v.as_str())
        .ok_or_else(|| SearchError::Internal("indexed posting without stored fields".into()))?;
    serde_json::from_str(json)
        .map_err(|err| SearchError::Internal(format!("stored posting unreadable: {err}")))
}

/// Filters answered by the inverted index: selective ones, where intersecting early saves
/// scoring documents that would be thrown away.
fn filters(req: &SearchRequest, f: &Fields, clauses: &mut Vec<(Occur, Box<dyn Query>)>) {
    if !req.company.is_empty() {
        clauses.push(filter(text_terms(
            f.company_lc,
            req.company.iter().map(|c| c.trim().to_lowercase()),
        )));
    }
    if let Some(p) = req
        .company_prefix
        .as_deref()
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
    {
        let hi = format!("{p}\u{10FFFF}");
        let q = RangeQuery::new(
            Bound::Included(Term::from_field_text(f.company_lc, &p)),
            Bound::Included(Term::from_field_text(f.company_lc, &hi)),
        );
        clauses.push(filter(Box::new(q)));
    }
    if !req.country.is_empty() {
        clauses.push(filter(text_terms(
            f.country,
            req.country.iter().map(|c| c.trim().to_ascii_uppercase()),
        )));
    }
    if !req.region.is_empty() {
        clauses.push(filter(text_terms(
            f.region,
            req.region.iter().map(|c| c.trim().to_ascii_lowercase()),
        )));
    }
    if !req.source.is_empty() {
        clauses.push(filter(text_terms(
            f.source,
            req.source.iter().map(|c| c.trim().to_ascii_lowercase()),
        )));
    }
    let skills: Vec<String> = req
        .skill
        .iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    if !skills.is_empty() {
        match req.skill_match {
            SkillMatch::Any => clauses.push(filter(text_terms(f.skill_lc, skills))),
            SkillMatch::All => {
                for s in skills {
                    clauses.push(filter(text_terms(f.skill_lc, [s])));
                }
            }
        }
    }
}

fn facets(fr: &Fruit) -> Facets {
    let named = |counts: &[u64], name: &dyn Fn(u64) -> Option<String>| {
        FacetCounts::from_iter(
            counts
                .iter()
                .enumerate()
                .filter_map(|(c, n)| name(c as u64).map(|k| (k, *n))),
            usize::MAX,
        )
    };
    Facets {
        role_family: named(&fr.role, &|c| {
            decode(&RoleFamily::ALL, c).map(|r| r.as_str().to_string())
        }),
        seniority: named(&fr.seniority, &|c| {
            decode(&Seniority::ALL, c).map(|r| r.as_str().to_string())
        }),
        remote: named(&fr.remote, &|c| {
            decode(&REMOTE, c).map(|r| r.as_str().to_string())
        }),
        employment_type: named(&fr.employment, &|c| {
            decode(&EmploymentType::ALL, c).map(employment_name)
        }),
        salary_band: FacetCounts::from_iter(
            fr.bands
                .iter()
                .zip(BAND_LABELS)
                .map(|(n, l)| (l.to_string(), *n)),
            usize::MAX,
        ),
        region: FacetCounts(fr.region.clone()),
        skills: FacetCounts(fr.skill.clone()),
        company: FacetCounts(fr.company.clone()),
        country: FacetCounts(fr.country.clone()),
    }
}
