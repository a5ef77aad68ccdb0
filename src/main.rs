//! Browser entry point: only wiring, no logic (that lives in the library so tests can mount it).

use leptos::prelude::*;
use subsidy_estimator::{recovery, App};

fn main() {
    // A panic shows a recovery message with the saved profile, never a frozen page.
    recovery::install();
    mount_to_body(App);
}
