-- Deleted postings, so search nodes following the change sequence drop them too.
-- Posting ids are never reused, so a tombstone is final.
CREATE TABLE posting_tombstones (
    posting_id  BIGINT PRIMARY KEY,
    change_seq  BIGINT NOT NULL
);
CREATE INDEX posting_tombstones_seq ON posting_tombstones (change_seq);
