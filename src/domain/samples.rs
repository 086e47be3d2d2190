//! The two sample reports, written as data.
