//! Rolling backups: which saved versions of a report to keep (a pure retention rule).
