//! Per-segment columns held in plain arrays.
//!
//! A broad query ("engineer") matches most of the index and every match feeds eight facets,
//! filters and the sort. Reading tantivy's columns goes through dynamic dispatch per value;
//! flat arrays make that loop a few nanoseconds per document. Segments are immutable, so the
//! arrays are built once per segment (when a reader first sees it) and shared by queries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::{DocId, SegmentReader};

/// Values of a multi-valued string column: `ords[starts[d]..starts[d+1]]`.
pub struct Multi {
    pub starts: Vec<u32>,
    pub ords: Vec<u32>,
    /// The column's dictionary, decoded once: looking terms up one by one decompresses a
    /// dictionary block each time, which dominated queries with many distinct companies.
    pub terms: Vec<String>,
    pub num_terms: usize,
}

impl Multi {
    #[inline]
    pub fn of(&self, d: DocId) -> &[u32] {
        let d = d as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.ords[a as usize..b as usize],
            _ => &[],
        }
    }

    pub fn term(&self, ord: u32) -> Option<&str> {
        self.terms.get(ord as usize).map(String::as_str)
    }

    fn load(reader: &SegmentReader, field: &str) -> tantivy::Result<Multi> {
        let max = reader.max_doc();
        let column = reader.fast_fields().str(field)?;
        let mut starts = Vec::with_capacity(max as usize + 1);
        let mut ords = Vec::new();
        starts.push(0);
        for d in 0..max {
            if let Some(c) = &column {
                ords.extend(c.term_ords(d).map(|o| o as u32));
            }
            starts.push(ords.len() as u32);
        }
        let mut terms = Vec::new();
        if let Some(c) = &column {
            let mut st = c.dictionary().stream()?;
            while st.advance() {
                terms.push(String::from_utf8_lossy(st.key()).into_owned());
            }
        }
        Ok(Multi {
            starts,
            ords,
            num_terms: terms.len(),
            terms,
        })
    }
}

pub const NO_SALARY: u32 = u32::MAX;

pub struct SegData {
    pub id: Vec<i64>,
    pub role: Vec<u8>,
    pub seniority: Vec<u8>,
    pub remote: Vec<u8>,
    pub employment: Vec<u8>,
    pub period: Vec<u8>,
    pub closed: Vec<u8>,
    pub posted: Vec<i64>,
    /// Annual USD; NO_SALARY when none. u32 holds up to $4.29 billion a year, plenty.
    pub sal_lo: Vec<u32>,
    pub sal_hi: Vec<u32>,
    pub company: Multi,
    pub country: Multi,
    pub region: Multi,
    pub skill: Multi,
}

fn small(reader: &SegmentReader, field: &str) -> tantivy::Result<Vec<u8>> {
    let c = reader.fast_fields().u64(field)?;
    Ok((0..reader.max_doc())
        .map(|d| c.first(d).unwrap_or(0).min(255) as u8)
        .collect())
}

impl SegData {
    pub fn load(reader: &SegmentReader) -> tantivy::Result<SegData> {
        let max = reader.max_doc();
        let ff = reader.fast_fields();
        let id = ff.i64("id")?;
        let posted = ff.i64("posted")?;
        let lo = ff.u64("sal_lo")?;
        let hi = ff.u64("sal_hi")?;
        let sal = |c: &tantivy::columnar::Column<u64>, d| {
            c.first(d)
                .map_or(NO_SALARY, |v| v.min(u32::MAX as u64 - 1) as u32)
        };
        Ok(SegData {
            id: (0..max).map(|d| id.first(d).unwrap_or(0)).collect(),
            role: small(reader, "role")?,
            seniority: small(reader, "seniority")?,
            remote: small(reader, "remote")?,
            employment: small(reader, "employment")?,
            period: small(reader, "period")?,
            closed: small(reader, "closed")?,
            posted: (0..max).map(|d| posted.first(d).unwrap_or(0)).collect(),
            sal_lo: (0..max).map(|d| sal(&lo, d)).collect(),
            sal_hi: (0..max).map(|d| sal(&hi, d)).collect(),
            company: Multi::load(reader, "company")?,
            country: Multi::load(reader, "country")?,
            region: Multi::load(reader, "region")?,
            skill: Multi::load(reader, "skill")?,
        })
    }
}

/// Arrays of the segments the current reader sees.
#[derive(Default)]
pub struct Cache {
    map: Mutex<HashMap<SegmentId, Arc<SegData>>>,
}

impl Cache {
    pub fn get(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegData>> {
        let key = reader.segment_id();
        if let Some(d) = self.lock().get(&key) {
            return Ok(d.clone());
        }
        let d = Arc::new(SegData::load(reader)?);
        self.lock().insert(key, d.clone());
        Ok(d)
    }

    /// Load new segments and forget merged-away ones.
    pub fn refresh(&self, searcher: &tantivy::Searcher) -> tantivy::Result<()> {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        self.lock().retain(|k, _| live.contains(k));
        for r in searcher.segment_readers() {
            self.get(r)?;
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegData>>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }
}
