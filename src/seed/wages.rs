//! Demo wage history (issue 5).
