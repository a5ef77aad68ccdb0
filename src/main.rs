//! Browser entry point: only wiring, no logic (that lives in the library so tests can mount it).

use leptos::prelude::*;
use subsidy_estimator::{needs_place_packs_first, recovery, state, App};

fn main() {
    // A panic shows a recovery message with the saved profile, never a frozen page.
    recovery::install();
    if needs_place_packs_first() {
        // A returning company (or a link) may answer a city's questions: read it with every pack.
        wasm_bindgen_futures::spawn_local(async {
            state::load_place_packs().await;
            mount_to_body(App);
        });
    } else {
        // A first visit: the province's results at once, the city packs right after.
        mount_to_body(App);
    }
}
