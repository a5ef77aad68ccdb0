//! The web page's packs: the common and provincial packs inside the page, the city and district
//! packs loaded after it starts. Read back from their binary form, together they must give exactly
//! the library the JSON files give.

use subsidy_engine::rules::{Level, Library};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, Lang, Profile};

fn parts() -> (Vec<u8>, Vec<u8>) {
    let library = Library::builtin();
    let base = library.to_postcard(|l| matches!(l, Level::Common | Level::Province));
    let places = library.to_postcard(|l| matches!(l, Level::City | Level::District));
    (base, places)
}

#[test]
fn the_two_parts_read_back_as_the_library_the_files_give() {
    let (base, places) = parts();
    let web = Library::from_postcard(&[&base, &places]).unwrap();
    let files = Library::builtin();
    assert_eq!(web.question_count(), files.question_count());
    for dir in ["profiles"] {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut seen = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let as_of = Date::parse("2026-06-01").unwrap();
            let (a, b) =
                (Profile::from_json(files, &text).unwrap(), Profile::from_json(&web, &text).unwrap());
            let va = ReportView::new(&evaluate(&a, files, as_of).unwrap(), &a, Lang::En);
            let vb = ReportView::new(&evaluate(&b, &web, as_of).unwrap(), &b, Lang::En);
            assert_eq!(va, vb);
            seen += 1;
        }
        assert!(seen >= 12);
    }
}

#[test]
fn the_page_starts_with_the_province_and_keeps_every_answer_when_the_cities_arrive() {
    let (base, places) = parts();
    let first = Library::from_postcard(&[&base]).unwrap();
    let full = Library::from_postcard(&[&base, &places]).unwrap();
    assert!(first.packs.iter().all(|p| matches!(p.level, Level::Common | Level::Province)));
    assert!(full.packs.iter().any(|p| p.level == Level::City));
    // The questions of the first library keep their places in the full one.
    for field in first.fields() {
        assert_eq!(first.question(field).id, full.question(field).id);
    }
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/w03-guangzhou-little-giant.json"
    ))
    .unwrap();
    let before = Profile::from_json(&first, &text).unwrap();
    let after = before.adopted(&full);
    assert_eq!(after, Profile::from_json(&full, &text).unwrap());
}
