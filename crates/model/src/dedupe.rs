//! Keys that decide when two items are the same job.
