//! The `fairgold` command; its commands are in `fairgold::cli`.

use std::process::ExitCode;

use fairgold::cli::{self, Cli};

fn main() -> ExitCode {
    match Cli::parse_args() {
        Ok(command_line) => cli::run(command_line),
        Err(status) => status,
    }
}
