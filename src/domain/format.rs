//! The versioned JSON file format (`raport-gp`, schema version 1) used for files and storage.
//! Reading is a pipeline: parse → check envelope → migrate → deserialise → validate.

/// The format tag of every file.
pub const FORMAT: &str = "raport-gp";
/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 1;
