//! One pass over the matches of a query: filters on flat columns, the total, every facet,
//! the top of the requested order and (for salary insight) every salary. Stops at the budget.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::sync::Arc;
use std::time::Instant;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::request::Sort;
use crate::segdata::{Cache, Multi, SegData, NO_SALARY};

/// Filters decided per document from the arrays. Masks have bit `code` set for allowed
/// codes (0 = "not stated" is never allowed once a filter is given); 0 = no filter.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub role_mask: u64,
    pub seniority_mask: u64,
    pub remote_mask: u64,
    pub employment_mask: u64,
    pub include_closed: bool,
    /// (min, max) annual USD: the posting's range must overlap.
    pub salary: Option<(f64, f64)>,
    pub posted_after: Option<i64>,
    /// How many of the best to keep (offset + limit); 0 = none.
    pub top: usize,
    pub sort: Sort,
    pub scoring: bool,
    pub facets: bool,
    /// Salary band edges in annual USD (the request's currency's round figures, converted).
    pub band_edges: Vec<f64>,
    pub salaries: bool,
    pub deadline: Option<Instant>,
}

/// Bigger is better, compared in order.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub k1: f64,
    pub k2: i64,
    pub k3: i64,
    pub score: f32,
    pub seg: SegmentOrdinal,
    pub doc: DocId,
}

impl Entry {
    fn cmp_key(&self, o: &Entry) -> Ordering {
        self.k1
            .total_cmp(&o.k1)
            .then(self.k2.cmp(&o.k2))
            .then(self.k3.cmp(&o.k3))
            .then(o.seg.cmp(&self.seg))
            .then(o.doc.cmp(&self.doc))
    }
}
impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp_key(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> Ordering {
        self.cmp_key(o)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct SalaryPoint {
    pub id: i64,
    pub lo_usd: u32,
    pub hi_usd: u32,
    pub period: u8,
    pub seniority: u8,
    pub role: u8,
}

#[derive(Debug, Default)]
pub struct Fruit {
    pub total: u64,
    pub partial: bool,
    pub top: Vec<Entry>,
    pub role: [u64; 18],
    pub seniority: [u64; 8],
    pub remote: [u64; 4],
    pub employment: [u64; 9],
    pub bands: Vec<u64>,
    /// Most frequent first, at most FACET_TOP of each.
    pub company: Vec<(String, u64)>,
    pub country: Vec<(String, u64)>,
    pub region: Vec<(String, u64)>,
    pub skill: Vec<(String, u64)>,
    pub salaries: Vec<SalaryPoint>,
}

/// How many values of the multi-valued facets are reported: company, country, region, skill.
pub const FACET_TOP: [usize; 4] = [20, 10, usize::MAX, 20];

/// What one segment counted. Counts stay per ordinal until the merge, which names only the
/// values it reports.
pub struct SegFruit {
    total: u64,
    partial: bool,
    top: Vec<Entry>,
    role: [u64; 18],
    seniority: [u64; 8],
    remote: [u64; 4],
    employment: [u64; 9],
    bands: Vec<u64>,
    data: Arc<SegData>,
    /// company, country, region, skill
    multi: [Vec<u32>; 4],
    salaries: Vec<SalaryPoint>,
}

pub struct Run<'a> {
    pub plan: Arc<Plan>,
    pub cache: &'a Cache,
}

pub struct SegRun {
    plan: Arc<Plan>,
    data: Arc<SegData>,
    seg: SegmentOrdinal,
    total: u64,
    partial: bool,
    heap: BinaryHeap<Reverse<Entry>>,
    role: [u64; 18],
    seniority: [u64; 8],
    remote: [u64; 4],
    employment: [u64; 9],
    bands: Vec<u64>,
    company: Vec<u32>,
    country: Vec<u32>,
    region: Vec<u32>,
    skill: Vec<u32>,
    salaries: Vec<SalaryPoint>,
}

#[inline]
fn allowed(mask: u64, code: u8) -> bool {
    mask == 0 || (mask >> code) & 1 == 1
}

impl SegRun {
    #[inline]
    fn keep(&self, d: DocId) -> bool {
        let p = &*self.plan;
        let s = &*self.data;
        let i = d as usize;
        if i >= s.id.len() {
            return false;
        }
        if !p.include_closed && s.closed[i] != 0 {
            return false;
        }
        if !(allowed(p.role_mask, s.role[i])
            && allowed(p.seniority_mask, s.seniority[i])
            && allowed(p.remote_mask, s.remote[i])
            && allowed(p.employment_mask, s.employment[i]))
        {
            return false;
        }
        if let Some((min, max)) = p.salary {
            let (lo, hi) = (s.sal_lo[i], s.sal_hi[i]);
            if lo == NO_SALARY || (hi as f64) < min || (lo as f64) > max {
                return false;
            }
        }
        if let Some(after) = p.posted_after {
            if s.posted[i] < after {
                return false;
            }
        }
        true
    }

    #[inline]
    fn take(&mut self, d: DocId, score: Score) {
        let i = d as usize;
        self.total += 1;
        let plan = &*self.plan;
        let s = &*self.data;
        if plan.facets || plan.salaries {
            // salary samples count postings per role too: one scan serves a table of roles
            self.role[s.role[i] as usize % 18] += 1;
        }
        if plan.facets {
            self.seniority[s.seniority[i] as usize % 8] += 1;
            self.remote[s.remote[i] as usize % 4] += 1;
            self.employment[s.employment[i] as usize % 9] += 1;
            if s.sal_lo[i] != NO_SALARY {
                let mid = (s.sal_lo[i] as f64 + s.sal_hi[i] as f64) / 2.0;
                let b = plan.band_edges.iter().take_while(|e| mid >= **e).count();
                if let Some(c) = self.bands.get_mut(b) {
                    *c += 1;
                }
            }
            for (counts, m) in [
                (&mut self.company, &s.company),
                (&mut self.country, &s.country),
                (&mut self.region, &s.region),
                (&mut self.skill, &s.skill),
            ] {
                for &o in m.of(d) {
                    if let Some(c) = counts.get_mut(o as usize) {
                        *c += 1;
                    }
                }
            }
        }
        if plan.salaries && s.sal_lo[i] != NO_SALARY {
            self.salaries.push(SalaryPoint {
                id: s.id[i],
                lo_usd: s.sal_lo[i],
                hi_usd: s.sal_hi[i],
                period: s.period[i],
                seniority: s.seniority[i],
                role: s.role[i],
            });
        }
        if plan.top > 0 {
            let e = match plan.sort {
                Sort::Relevance => Entry {
                    k1: score as f64,
                    k2: s.posted[i],
                    k3: s.id[i],
                    score,
                    seg: self.seg,
                    doc: d,
                },
                Sort::Newest => Entry {
                    k1: s.posted[i] as f64,
                    k2: s.id[i],
                    k3: 0,
                    score,
                    seg: self.seg,
                    doc: d,
                },
                Sort::Salary => {
                    let (lo, hi) = if s.sal_lo[i] == NO_SALARY {
                        (-1, -1)
                    } else {
                        (s.sal_lo[i] as i64, s.sal_hi[i] as i64)
                    };
                    Entry {
                        k1: hi as f64,
                        k2: lo,
                        k3: s.id[i],
                        score,
                        seg: self.seg,
                        doc: d,
                    }
                }
            };
            if self.heap.len() < plan.top {
                self.heap.push(Reverse(e));
            } else if let Some(Reverse(min)) = self.heap.peek() {
                if e > *min {
                    self.heap.pop();
                    self.heap.push(Reverse(e));
                }
            }
        }
    }
}

impl SegmentCollector for SegRun {
    type Fruit = SegFruit;

    fn collect(&mut self, d: DocId, score: Score) {
        if self.keep(d) {
            self.take(d, score);
        }
    }

    fn harvest(self) -> SegFruit {
        SegFruit {
            total: self.total,
            partial: self.partial,
            top: self.heap.into_iter().map(|r| r.0).collect(),
            role: self.role,
            seniority: self.seniority,
            remote: self.remote,
            employment: self.employment,
            bands: self.bands,
            data: self.data,
            multi: [self.company, self.country, self.region, self.skill],
            salaries: self.salaries,
        }
    }
}

/// How often (in matched documents) the clock is read.
const CHECK_EVERY: u32 = 2048;

impl Collector for Run<'_> {
    type Fruit = Fruit;
    type Child = SegRun;

    fn for_segment(&self, seg: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegRun> {
        let data = self.cache.get(reader)?;
        let facet_vec = |m: &crate::segdata::Multi| {
            if self.plan.facets {
                vec![0u32; m.num_terms]
            } else {
                Vec::new()
            }
        };
        Ok(SegRun {
            plan: self.plan.clone(),
            seg,
            total: 0,
            partial: false,
            heap: BinaryHeap::new(),
            role: [0; 18],
            seniority: [0; 8],
            remote: [0; 4],
            employment: [0; 9],
            bands: vec![0; self.plan.band_edges.len() + 1],
            company: facet_vec(&data.company),
            country: facet_vec(&data.country),
            region: facet_vec(&data.region),
            skill: facet_vec(&data.skill),
            salaries: Vec::new(),
            data,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.plan.scoring
    }

    /// Our own loop instead of tantivy's: it can stop when the budget is spent and only asks
    /// for scores when the order needs them.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        seg: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegFruit> {
        let mut run = self.for_segment(seg, reader)?;
        let over = |plan: &Plan| plan.deadline.is_some_and(|t| Instant::now() >= t);
        if over(&self.plan) {
            run.partial = true;
            return Ok(run.harvest());
        }
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let scoring = self.plan.scoring;
        let mut doc = scorer.doc();
        let mut n = 0u32;
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) && run.keep(doc) {
                let score = if scoring { scorer.score() } else { 0.0 };
                run.take(doc, score);
            }
            n += 1;
            if n.is_multiple_of(CHECK_EVERY) && over(&self.plan) {
                run.partial = true;
                break;
            }
            doc = scorer.advance();
        }
        Ok(run.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<SegFruit>) -> tantivy::Result<Fruit> {
        let mut out = Fruit {
            bands: vec![0; self.plan.band_edges.len() + 1],
            ..Fruit::default()
        };
        for f in &fruits {
            out.total += f.total;
            out.partial |= f.partial;
            out.top.extend_from_slice(&f.top);
            add(&mut out.role, &f.role);
            add(&mut out.seniority, &f.seniority);
            add(&mut out.remote, &f.remote);
            add(&mut out.employment, &f.employment);
            add(&mut out.bands, &f.bands);
            out.salaries.extend_from_slice(&f.salaries);
        }
        if self.plan.facets {
            let col = |k: usize| -> Vec<(&Multi, &[u32])> {
                fruits
                    .iter()
                    .map(|f| {
                        let m = match k {
                            0 => &f.data.company,
                            1 => &f.data.country,
                            2 => &f.data.region,
                            _ => &f.data.skill,
                        };
                        (m, f.multi[k].as_slice())
                    })
                    .collect()
            };
            out.company = top_values(&col(0), FACET_TOP[0]);
            out.country = top_values(&col(1), FACET_TOP[1]);
            out.region = top_values(&col(2), FACET_TOP[2]);
            out.skill = top_values(&col(3), FACET_TOP[3]);
        }
        out.top.sort_by(|a, b| b.cmp(a));
        out.top.truncate(self.plan.top);
        Ok(out)
    }
}

/// The `top` most frequent values over all segments (ties by name).
fn top_values(parts: &[(&Multi, &[u32])], top: usize) -> Vec<(String, u64)> {
    let by_count = |a: &(&str, u64), b: &(&str, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
    let mut v: Vec<(&str, u64)> = if let [(m, counts)] = parts {
        counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .filter_map(|(o, c)| m.term(o as u32).map(|t| (t, *c as u64)))
            .collect()
    } else {
        merge_sorted(parts)
    };
    if v.len() > top {
        v.select_nth_unstable_by(top, by_count);
        v.truncate(top);
    }
    v.sort_by(by_count);
    v.into_iter().map(|(t, c)| (t.to_string(), c)).collect()
}

/// Sum the counts of equal values across segments. Each segment's dictionary is sorted, so
/// ordinals ascend in value order and a k-way merge adds them up without hashing every
/// distinct value (hundreds of thousands of companies on a broad query).
fn merge_sorted<'a>(parts: &[(&'a Multi, &[u32])]) -> Vec<(&'a str, u64)> {
    let mut heads: Vec<std::iter::Peekable<_>> = parts
        .iter()
        .map(|(m, counts)| {
            counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .filter_map(move |(o, c)| m.term(o as u32).map(|t| (t, *c as u64)))
                .peekable()
        })
        .collect();
    let mut out: Vec<(&'a str, u64)> = Vec::new();
    loop {
        let mut min: Option<&'a str> = None;
        for h in heads.iter_mut() {
            if let Some(&(t, _)) = h.peek() {
                if min.is_none_or(|m| t < m) {
                    min = Some(t);
                }
            }
        }
        let Some(t) = min else { break };
        let mut sum = 0;
        for h in heads.iter_mut() {
            if let Some((_, c)) = h.next_if(|(x, _)| *x == t) {
                sum += c;
            }
        }
        out.push((t, sum));
    }
    out
}

fn add(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d += s;
    }
}
