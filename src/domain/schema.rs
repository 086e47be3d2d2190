//! The JSON Schema of the report file format, generated from the types (host only).
//!
//! The committed copy of the current version lives in `public/schema/raport-gp-2.schema.json`
//! (published with the app, so others can check files they produce); a test keeps it equal to
//! [`schema_json`] and `UPDATE_SCHEMA=1 cargo test schema` rewrites it after a change of the
//! model. The schemas of older versions stay published beside it, frozen
//! ([`PUBLISHED_SCHEMAS`]): files of those versions still exist and still import.

use super::format::ReportFile;

/// Where the committed schema of the current version lives, relative to the crate root.
pub const SCHEMA_PATH: &str = "public/schema/raport-gp-2.schema.json";

/// Every published schema, oldest first: (schema version, path relative to the crate root).
pub const PUBLISHED_SCHEMAS: [(u32, &str); 2] = [
    (1, "public/schema/raport-gp-1.schema.json"),
    (2, SCHEMA_PATH),
];

/// The JSON Schema (draft 2020-12) of a report file of the current schema version: the envelope
/// (`format`, `schema_version`, `app_version`, `saved_at`) and the report. Pretty-printed with a
/// trailing newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(ReportFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// Where the schemas of the request and contribution files live (both appeared in version 2).
pub const REQUEST_SCHEMA_PATH: &str = "public/schema/raport-gp-request-2.schema.json";
pub const CONTRIBUTION_SCHEMA_PATH: &str = "public/schema/raport-gp-contribution-2.schema.json";

fn pretty_schema(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// The JSON Schema of a request file (`"kind": "request"`).
pub fn request_schema_json() -> String {
    pretty_schema(schemars::schema_for!(super::format::RequestFile))
}

/// The JSON Schema of a contribution file (`"kind": "contribution"`).
pub fn contribution_schema_json() -> String {
    pretty_schema(schemars::schema_for!(super::format::ContributionFile))
}
