//! `web-packs FILE`: writes every built-in pack, in both languages, in the binary form the web page
//! loads after its first results (the page itself carries the province's and the common questions
//! in Chinese only, written by the web crate's build script). Run by Trunk's post-build hook (scripts/post_build.py).
//! The packs are read and checked as everywhere else: a bad pack exits 2 with the engine's message.

use std::process::ExitCode;
use subsidy_engine::rules::{Library, BUILTIN};

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: web-packs FILE");
        return ExitCode::from(2);
    };
    let library = match Library::from_json(BUILTIN) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let bytes = library.to_postcard(|_| true);
    match std::fs::write(&out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::from(2)
        }
    }
}
