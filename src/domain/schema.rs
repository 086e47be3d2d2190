//! The JSON Schema of the file format, generated from the types (host only).
