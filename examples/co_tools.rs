//! Tools for looking at how `amicus import-co` reads concluding observations by hand; not
//! tests (the tests in `src/import/tests/` hold the importer to its figures).
//!
//! ```text
//! cargo run --example co_tools -- text [--out DIR] FILE...
//! cargo run --example co_tools -- times [FILE...]
//! ```
//!
//! - `text`: the text Amicus extracts from each file (PDF, Word or text), the form the reader
//!   parses, pages separated by form feeds. Printed, or with `--out` written to
//!   `DIR/<file name>.txt` (for example `--out target/real-co tests/fixtures/real-co/*.pdf`).
//! - `times`: how long importing each file takes (extracting and reading), the median of five
//!   runs, in milliseconds. Without files, every document in `tests/fixtures/real-co/`. Run it
//!   with `--release` for the figures a user gets; the dev profile leaves Amicus's own code
//!   unoptimised.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((command, rest)) if command == "text" => text(rest),
        Some((command, rest)) if command == "times" => times(rest),
        _ => Err("usage: co_tools text [--out DIR] FILE... | co_tools times [FILE...]".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// `text [--out DIR] FILE...`: each file's extracted text, printed or written to `DIR`.
fn text(args: &[String]) -> Result<(), String> {
    let (out, files) = match args {
        [flag, dir, files @ ..] if flag == "--out" => (Some(PathBuf::from(dir)), files),
        files => (None, files),
    };
    if files.is_empty() {
        return Err("co_tools text: name at least one file".to_owned());
    }
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for file in files {
        let path = Path::new(file);
        let extracted = amicus::import::extract_file(path).map_err(|e| e.to_string())?;
        for warning in &extracted.warnings {
            eprintln!("{}: line {}: {}", path.display(), warning.line, warning.message);
        }
        match &out {
            Some(dir) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let target = dir.join(format!("{name}.txt"));
                std::fs::write(&target, &extracted.text).map_err(|e| format!("{}: {e}", target.display()))?;
                println!("{}", target.display());
            }
            None => print!("{}", extracted.text),
        }
    }
    Ok(())
}

/// `times [FILE...]`: the median of five imports of each file.
fn times(args: &[String]) -> Result<(), String> {
    let files: Vec<PathBuf> = if args.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-co");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("pdf" | "docx" | "txt")))
            .collect();
        files.sort();
        files
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    for path in files {
        let mut runs: Vec<Duration> = Vec::new();
        let mut symbol = None;
        for _ in 0..5 {
            let start = Instant::now();
            let result = amicus::import::import_file(&path, None);
            runs.push(start.elapsed());
            if let Ok(result) = result {
                symbol = Some(result.co.symbol);
            }
        }
        runs.sort();
        let symbol = symbol.filter(|s| !s.is_empty()).unwrap_or_else(|| "not read".to_owned());
        println!("{} ({symbol}): median {:.0} ms", path.display(), runs[2].as_secs_f64() * 1000.0);
    }
    Ok(())
}
