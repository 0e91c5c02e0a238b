//! The `amicus` command: parses arguments and runs one command (see `commands`).

mod commands;

use amicus::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(args) => commands::build(args),
        Command::Check(args) => commands::check(args),
        Command::New(args) => commands::new(args),
        Command::Schema(args) => commands::schema(args),
        Command::Completions(args) => commands::completions(args),
        Command::Template(args) => commands::template(args),
        Command::ImportCo(args) => commands::import_co(args),
        Command::Suggest(args) => commands::suggest(args),
        Command::Brief(args) => commands::brief(args),
    }
}
