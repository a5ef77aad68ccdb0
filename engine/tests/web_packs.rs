//! The web page's packs: the common and provincial packs inside the page in Chinese only, every
//! pack in both languages loaded after it starts. Read back from their binary form, the second must
//! give exactly the library the JSON files give, and the first the same Chinese results.

use subsidy_engine::rules::{Level, Library};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, Lang, Profile};

/// What the web build writes: build.rs's part inside the page, and `web-packs`'s beside it.
fn parts() -> (Vec<u8>, Vec<u8>) {
    let library = Library::builtin();
    let chinese = library.in_language(Lang::Zh).unwrap();
    let base = chinese.to_postcard(|l| matches!(l, Level::Common | Level::Province));
    let all = library.to_postcard(|_| true);
    (base, all)
}

#[test]
fn the_two_parts_read_back_as_the_library_the_files_give() {
    let (_, places) = parts();
    let web = Library::from_postcard(&[&places]).unwrap();
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
    let full = Library::from_postcard(&[&places]).unwrap();
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

#[test]
fn the_part_inside_the_page_is_chinese_only_and_gives_the_same_chinese_results() {
    let (base, places) = parts();
    let first = Library::from_postcard(&[&base]).unwrap();
    let full = Library::from_postcard(&[&places]).unwrap();
    // No English left in it: an English label reads as the Chinese one.
    for field in first.fields() {
        let label = &first.question(field).label;
        assert!(label.en.is_empty(), "{}", first.question(field).id);
        assert_eq!(label.get(Lang::En), label.zh);
        assert_eq!(label.zh, full.question(field).label.zh);
    }
    for name in [
        "w01-provincial-innovation-centre.json",
        "w03-guangzhou-little-giant.json",
        "w04-single-champion-large-city-award.json",
    ] {
        let path = format!("{}/profiles/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let as_of = Date::parse("2026-03-01").unwrap();
        let (a, b) = (Profile::from_json(&first, &text).unwrap(), Profile::from_json(&full, &text).unwrap());
        let va = ReportView::new(&evaluate(&a, &first, as_of).unwrap(), &a, Lang::Zh);
        let vb = ReportView::new(&evaluate(&b, &full, as_of).unwrap(), &b, Lang::Zh);
        // The full library has the city packs too: compare what the province gives.
        assert_eq!(
            va.programmes,
            vb.programmes
                .iter()
                .filter(|p| va.programmes.iter().any(|q| q.id == p.id))
                .cloned()
                .collect::<Vec<_>>(),
            "{name}"
        );
        // The province's totals; the first part's city totals are the city awards the provincial
        // matches rest on, which the full library's count too.
        let province = |v: &ReportView| -> Vec<_> {
            v.totals.iter().filter(|t| t.level == Level::Province).cloned().collect()
        };
        assert_eq!(province(&va), province(&vb), "{name}");
        for t in va.totals.iter().filter(|t| t.level == Level::City) {
            let full = vb.totals.iter().find(|u| u.level == Level::City).unwrap();
            assert!(full.rule_based.low >= t.rule_based.low && full.eligible >= t.eligible, "{name}");
        }
    }
}
