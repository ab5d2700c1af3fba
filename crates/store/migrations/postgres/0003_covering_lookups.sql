-- Ingest looks up open postings by fingerprint (wanting their source_rank) and open items by
-- URL (wanting source_id and posting_id) for every new item. With every column those lookups
-- read in the index (closed_at too, though always NULL there: SQLite counts it as read), they
-- no longer visit the table rows, which at a million postings were random reads of multi-KB
-- rows (about 13% of the store's time; see docs/BENCHMARKS.md).
DROP INDEX postings_open_fingerprint;
CREATE INDEX postings_open_fingerprint ON postings (fingerprint, source_rank, closed_at) WHERE closed_at IS NULL;
DROP INDEX posting_sources_open_url;
CREATE INDEX posting_sources_open_url ON posting_sources (url, source_id, posting_id, closed_at) WHERE closed_at IS NULL;
