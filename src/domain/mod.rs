//! The domain core: the report model, the statutory catalogue, the checks, money and dates,
//! the versioned JSON format, the printable HTML report and its DOCX. No web dependency may enter here.

pub mod backup;
pub mod backup_store;
pub mod catalogue;
pub mod charts;
pub mod compare;
pub mod date;
pub mod docx;
pub mod format;
pub mod gather;
pub mod kcpu;
pub mod model;
pub mod money;
pub mod packed;
pub mod paste;
pub mod perf;
pub mod render;
pub mod rules;
pub mod samples;
pub mod spending;
pub mod summary;

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
