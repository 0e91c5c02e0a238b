//! The `amicus` command: parses arguments and runs one command (see `commands`).

mod commands;

use amicus::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exits quietly when the reader of our output has gone away (`amicus check … | head -1`):
/// Rust's `println!` panics on a closed pipe, where Unix tools simply stop. Any other panic
/// is reported as usual.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if payload.contains("Broken pipe") || payload.contains("BrokenPipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    use amicus::compile::sandbox;
    // A child started by `sandbox::run` for work that must be contained (template overrides,
    // reading a PDF): it answers one request and ends.
    let mut args = std::env::args_os().skip(1);
    if args.next().is_some_and(|a| a == sandbox::ARG) {
        return match args.next().and_then(|k| k.into_string().ok()).as_deref() {
            Some("render") => sandbox::serve(amicus::writers::template::serve_render),
            Some("compile") => sandbox::serve(amicus::compile::contained::serve),
            Some("pdf-text") => sandbox::serve(amicus::import::serve_pdf_text),
            _ => ExitCode::from(2),
        };
    }
    sandbox::enable();
    quiet_on_closed_pipe();
    match Cli::parse().command {
        Command::Build(args) => commands::build(args),
        Command::Check(args) => commands::check(args),
        Command::New(args) => commands::new(args),
        Command::Schema(args) => commands::schema(args),
        Command::Completions(args) => commands::completions(args),
        Command::Template(args) => commands::template(args),
        Command::ImportCo(args) => commands::import_co(args),
        Command::ImportLoi(args) => commands::import_loi(args),
        Command::Suggest(args) => commands::suggest(args),
        Command::Brief(args) => commands::brief(args),
        Command::Watch(args) => commands::watch(args),
        Command::Preview(args) => commands::preview(args),
    }
}
