//! The same query code compiled once per database. Each module sets `DB` and `IS_PG`
//! and includes `queries.rs`; SQL that differs between the two branches on `IS_PG`.

pub mod sqlite {
    pub type DB = sqlx::Sqlite;
    #[allow(dead_code)]
    pub const IS_PG: bool = false;
    include!("queries.rs");
}

pub mod postgres {
    pub type DB = sqlx::Postgres;
    #[allow(dead_code)]
    pub const IS_PG: bool = true;
    include!("queries.rs");
}
