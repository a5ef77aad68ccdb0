//! `rules-pages FILE`: writes the Rules tab's HTML, in Chinese, a NUL byte, then in English, for
//! every built-in pack, checked as everywhere else. Run by Trunk's post-build hook
//! (scripts/post_build.py), natively: the page fetches the file when the tab opens
//! (src/rules_view.rs), so the code that writes it stays out of the page's wasm.

use std::process::ExitCode;
use subsidy_engine::rules::{Library, BUILTIN};
use subsidy_engine::Lang;
use subsidy_estimator::{i18n, rules_page};

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: rules-pages FILE");
        return ExitCode::from(2);
    };
    let library = match Library::from_json(BUILTIN) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let [zh, en] = [Lang::Zh, Lang::En].map(|lang| rules_page::rules_html(&library, i18n::ui(lang), lang));
    match std::fs::write(&out, [zh.as_bytes(), &[0], en.as_bytes()].concat()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::from(2)
        }
    }
}
