//! One-row-per-report summaries (CSV) for batch work over many gminas' files.
