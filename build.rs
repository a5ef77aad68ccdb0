//! Converts and checks the policy packs at build time: the page embeds the common and provincial
//! packs in the compact form `Library::from_postcard` reads, so its first load parses no JSON and
//! checks nothing (the packs were checked here, and a bad pack fails the build with the engine's
//! message). The page carries their Chinese texts only: every pack in both languages (the city and
//! district packs, and English) is loaded after the first results, written beside the page by the
//! engine's `web-packs` (scripts/post_build.py). `packs-all.postcard` is that same file, for the
//! browser tests, which have no page to load it from.

use std::path::PathBuf;
use subsidy_engine::rules::Level;
use subsidy_engine::Lang;

fn main() {
    for source in subsidy_engine::rules::BUILTIN {
        println!("cargo:rerun-if-changed=engine/rules/{}", source.name);
    }
    let library = subsidy_engine::Library::from_json(subsidy_engine::rules::BUILTIN)
        .unwrap_or_else(|e| panic!("the built-in packs do not load: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let chinese = library.in_language(Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let base = chinese.to_postcard(|level| matches!(level, Level::Common | Level::Province));
    std::fs::write(out.join("packs-base.postcard"), base).expect("OUT_DIR is writable");
    std::fs::write(out.join("packs-all.postcard"), library.to_postcard(|_| true))
        .expect("OUT_DIR is writable");
}
