//! The audit export: a ZIP of CSV files for a chosen period (web page and CLI).
