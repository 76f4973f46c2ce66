//! Reports: each format turns library records into bytes. No decisions are
//! made here; every number shown comes from the records.

pub mod json;
pub mod text;
