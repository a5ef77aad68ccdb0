//! Converts and checks the policy packs at build time: the page embeds the common and provincial
//! packs in the compact form `Library::from_postcard` reads, so its first load parses no JSON and
//! checks nothing (the packs were checked here, and a bad pack fails the build with the engine's
//! message). City and district packs are loaded after the first results: the engine's `web-packs`
//! writes them beside the page (scripts/post_build.py).

use std::path::PathBuf;
use subsidy_engine::rules::Level;

fn main() {
    for source in subsidy_engine::rules::BUILTIN {
        println!("cargo:rerun-if-changed=engine/rules/{}", source.name);
    }
    let library = subsidy_engine::Library::from_json(subsidy_engine::rules::BUILTIN)
        .unwrap_or_else(|e| panic!("the built-in packs do not load: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let base = library.to_postcard(|level| matches!(level, Level::Common | Level::Province));
    std::fs::write(out.join("packs-base.postcard"), base).expect("OUT_DIR is writable");
}
