//! The printable report: a pure function of the report to a self-contained HTML document.
