//! Browser entry point: only wiring, no logic (that lives in the library so tests can mount it).

use leptos::prelude::*;
use subsidy_estimator::App;

fn main() {
    // Without the hook a Rust panic shows up as an opaque `unreachable` trap in the console.
    console_error_panic_hook::set_once();
    mount_to_body(App);
}
