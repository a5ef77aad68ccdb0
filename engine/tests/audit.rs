//! The maintainers' audit of the rule data, on made-up packs (`tests/packs/audit/`), each set built
//! to give one kind of finding on 2026-12-20: documents ending within 90 days and what carries
//! their programmes after, programmes whose bases have ended, reviews overdue, facts weakly sourced.

use subsidy_engine::audit::{audit, render_text, Afterwards, Audit, Carried, Looked, Next, WeakFact};
use subsidy_engine::rules::{Confidence, Library, PackSource};
use subsidy_engine::Date;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// The day the sets are built around.
fn as_of() -> Date {
    date("2026-12-20")
}

/// The packs of `tests/packs/audit/` named, read and checked as the command line reads them.
fn library(files: &[&str]) -> Library {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/audit");
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}")))
        .collect();
    let sources: Vec<PackSource<'_>> =
        files.iter().zip(&texts).map(|(name, text)| PackSource { name, text }).collect();
    Library::from_json(&sources).unwrap_or_else(|e| panic!("{e}"))
}

fn ending_ids<'a>(audit: &'a Audit<'_>) -> Vec<(&'a str, &'a str, i64)> {
    audit.ending.iter().map(|e| (e.pack, e.document, e.days)).collect()
}

#[test]
fn a_document_ending_within_90_days_says_what_carries_each_programme_after_it() {
    let lib = library(&["common.json", "ending.json"]);
    let audit = audit(&lib, as_of());
    // old_rules ends on 2027-03-20, 90 days on; late_rules a day later is not listed yet, nor the
    // pilot that ends within the 90 days but is not in force on the as-of date.
    assert_eq!(ending_ids(&audit), [("audit-ending", "old_rules", 90)]);
    let old = &audit.ending[0];
    assert_eq!((old.number, old.to), ("测试〔2024〕1号", date("2027-03-20")));
    let after = |programme, carried| Afterwards { programme, carried };
    let expected = [
        after(
            "CARRIED",
            Carried::Basis { document: "new_plan", to: Some(date("2029-12-31")), reading: false },
        ),
        // The new plan carries it only by a basis marked news_weak: a reading.
        after(
            "CARRIED-WEAK",
            Carried::Basis { document: "new_plan", to: Some(date("2029-12-31")), reading: true },
        ),
        after("GAPPED", Carried::Later { document: "next_round", from: date("2027-06-01") }),
        after("ORPHAN", Carried::Nothing { recurring: false }),
        after("VOUCHER", Carried::Nothing { recurring: true }),
    ];
    let found: Vec<(&str, &Carried)> = old.programmes.iter().map(|p| (p.programme, &p.carried)).collect();
    let expected: Vec<(&str, &Carried)> = expected.iter().map(|p| (p.programme, &p.carried)).collect();
    assert_eq!(found, expected);
    assert!(audit.ended.is_empty() && audit.stale.is_empty());
    // The one weak fact of the set is that basis.
    let weak: Vec<(&str, &WeakFact)> = audit.weak.iter().map(|w| (w.pack, &w.fact)).collect();
    assert_eq!(
        weak,
        [("audit-ending", &WeakFact::Basis { programme: "CARRIED-WEAK", document: "new_plan" })]
    );
}

#[test]
fn the_horizon_is_90_days_inclusive() {
    let lib = library(&["common.json", "ending.json"]);
    // (as of, documents listed with their days): old_rules ends 2027-03-20, late_rules 2027-03-21.
    let cases = [
        ("2026-12-19", vec![]),
        ("2026-12-20", vec![("old_rules", 90)]),
        ("2026-12-21", vec![("old_rules", 89), ("late_rules", 90)]),
        ("2027-03-20", vec![("old_rules", 0), ("late_rules", 1)]),
        ("2027-03-21", vec![("late_rules", 0)]),
        ("2027-03-22", vec![]),
    ];
    for (day, expected) in cases {
        let audit = audit(&lib, date(day));
        let found: Vec<(&str, i64)> = audit.ending.iter().map(|e| (e.document, e.days)).collect();
        assert_eq!(found, expected, "{day}");
    }
}

#[test]
fn programmes_whose_bases_have_all_ended_name_the_last_one() {
    let lib = library(&["common.json", "ended.json"]);
    let audit = audit(&lib, as_of());
    let found: Vec<_> =
        audit.ended.iter().map(|e| (e.programme, e.last, e.to, e.recurring, e.next.clone())).collect();
    let next = Next { document: "plan_2027", from: date("2027-01-01") };
    assert_eq!(
        found,
        [
            ("VOUCHER", "voucher_2025", date("2025-12-31"), true, None),
            // Of its two bases, the 2024 measures ended last.
            ("OLD-AWARD", "measures_2024", date("2026-12-19"), false, None),
            // Between two bases: the later one is named.
            ("GAP", "measures_2024", date("2026-12-19"), false, Some(next)),
        ]
    );
    assert!(audit.ended.iter().all(|e| e.pack == "audit-ended"));
    // A programme not in force yet, or resting on a notice without a period of force, has not ended.
    assert!(!audit.ended.iter().any(|e| e.programme == "NEXT" || e.programme == "NOTICE"));
    // The day before, the 2024 measures end that very day: listed as ending, not ended.
    let before = subsidy_engine::audit(&lib, date("2026-12-19"));
    assert_eq!(before.ended.iter().map(|e| e.programme).collect::<Vec<_>>(), ["VOUCHER"]);
    assert_eq!(ending_ids(&before), [("audit-ended", "measures_2024", 0)]);
}

#[test]
fn packs_documents_and_coverage_not_looked_at_for_180_days() {
    let lib = library(&["common-coverage.json", "stale.json"]);
    let audit = audit(&lib, as_of());
    let found: Vec<(&str, Looked, Date, i64)> =
        audit.stale.iter().map(|s| (s.pack, s.what.clone(), s.last, s.days)).collect();
    assert_eq!(
        found,
        [
            ("audit-common", Looked::Coverage { field: "company.city" }, date("2026-06-01"), 202),
            ("audit-stale", Looked::Pack, date("2026-06-20"), 183),
            ("audit-stale", Looked::Document { document: "old_check" }, date("2026-06-22"), 181),
        ]
    );
    // edge_check was checked exactly 180 days before: not yet overdue.
    assert!(!audit.stale.iter().any(|s| s.what == Looked::Document { document: "edge_check" }));
    let text = render_text(&audit);
    for line in [
        "Reviews older than 180 days on 2026-12-20 (3)",
        "  audit-common coverage of company.city: reviewed 2026-06-01, 202 days before the as-of date",
        "  audit-stale: reviewed 2026-06-20, 183 days before the as-of date",
        "  audit-stale document old_check: checked 2026-06-22, 181 days before the as-of date",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
}

#[test]
fn facts_marked_weak_or_our_reading_of_each_kind() {
    let lib = library(&["common-coverage.json", "weak.json"]);
    let audit = audit(&lib, as_of());
    let found: Vec<(&str, WeakFact, Confidence)> =
        audit.weak.iter().map(|w| (w.pack, w.fact.clone(), w.confidence)).collect();
    let (weak, ours) = (Confidence::NewsWeak, Confidence::Inferred);
    let pack = "audit-weak";
    let programme = "W-RATE";
    assert_eq!(
        found,
        [
            (
                "audit-common",
                WeakFact::CoverageNote {
                    field: "company.city",
                    note: 1,
                    text: "Alpha is said to be drafting new measures."
                },
                ours
            ),
            (pack, WeakFact::Document { document: "digest" }, weak),
            (pack, WeakFact::Programme { programme }, ours),
            (pack, WeakFact::Basis { programme, document: "digest" }, ours),
            (pack, WeakFact::Note { programme, note: 1, text: "A note known from one digest only" }, weak),
            (pack, WeakFact::DatedCap { programme, from: Some(date("2026-07-01")), to: None }, weak),
            (
                pack,
                WeakFact::Window { programme, round: 2027, from: Some(date("2027-03-01")), to: None },
                ours
            ),
            (pack, WeakFact::CombinedCeiling { ceiling: "one_spend" }, weak),
            (pack, WeakFact::Prefill { field: "weak.city_award" }, ours),
        ]
    );
    // Known from news summaries is not weak: W-NEWS and its note are not listed.
    assert!(!audit.weak.iter().any(|w| format!("{:?}", w.fact).contains("W-NEWS")));
    let unverified: Vec<_> =
        audit.unverified.iter().map(|u| (u.pack, u.count, u.citations.clone())).collect();
    assert_eq!(unverified, [(pack, 2, vec!["official.art2", "digest.main"])]);
    let readings: Vec<_> = audit.readings.iter().map(|r| (r.pack, r.programme, r.readings.clone())).collect();
    assert_eq!(readings, [(pack, programme, vec!["rate", "cap"])]);
    let text = render_text(&audit);
    for line in [
        "Facts still marked weak or our reading (9)",
        "  audit-weak programme W-RATE notes[1] \"A note known from one digest only\": news_weak (one secondary digest only)",
        "  audit-weak programme W-RATE cap 2026-07-01 – open: news_weak (one secondary digest only)",
        "  audit-weak programme W-RATE window of the 2027 round (2027-03-01 – open): inferred (our reading)",
        "  audit-weak prefill weak.city_award: inferred (our reading)",
        "Citations not verified against the official text (2)",
        "  audit-weak: 2 citations (official.art2, digest.main)",
        "Readings the page shows (2)",
        "  audit-weak programme W-RATE: 2 readings (rate, cap)",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
}

#[test]
fn a_clean_set_has_no_findings() {
    // The clean pack's measures end 91 days on and were checked exactly 180 days before; its
    // other facts are official text or news.
    let lib = library(&["common.json", "clean.json"]);
    let audit = audit(&lib, as_of());
    assert!(audit.is_clean(), "{audit:#?}");
    let text = render_text(&audit);
    assert_eq!(text.matches("\n  none\n").count(), 6, "{text}");
    assert!(text.contains("Documents ending within 90 days of 2026-12-20 (0)"), "{text}");
    assert!(
        text.ends_with(
            "Summary: 0 documents ending, 0 programmes ended, 0 reviews overdue, 0 weak facts, \
             0 unverified citations, 0 readings.\n"
        ),
        "{text}"
    );
}

#[test]
fn the_text_names_each_finding_by_pack_and_id() {
    let lib = library(&["common.json", "ending.json", "ended.json"]);
    let text = render_text(&audit(&lib, as_of()));
    for line in [
        "Documents ending within 90 days of 2026-12-20 (1)",
        "  audit-ending document old_rules (测试〔2024〕1号) ends 2027-03-20, in 90 days",
        "    programme CARRIED: carried on by document new_plan (until 2029-12-31)",
        "    programme CARRIED-WEAK: carried on by document new_plan (until 2029-12-31); a reading: every basis then is weakly sourced",
        "    programme GAPPED: nothing carries it until document next_round starts on 2027-06-01",
        "    programme ORPHAN: nothing carries it afterwards; not recurring",
        "    programme VOUCHER: nothing carries it afterwards; recurring: look for the next round's document",
        "Programmes whose bases have ended by 2026-12-20 (3)",
        "  audit-ended programme VOUCHER: the last basis, document voucher_2025 (测试〔2025〕1号), ended 2025-12-31; recurring: look for the next round's document",
        "  audit-ended programme GAP: the last basis, document measures_2024 (测试〔2024〕2号), ended 2026-12-19; nothing carries it until document plan_2027 starts on 2027-01-01",
        "Reviews older than 180 days on 2026-12-20 (0)",
        "Summary: 1 document ending, 3 programmes ended, 0 reviews overdue, 1 weak fact, 0 unverified citations, 0 readings.",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
}

#[test]
fn the_json_form_names_the_kinds_and_is_the_same_every_run() {
    let lib = library(&["common-coverage.json", "ending.json", "stale.json", "weak.json"]);
    let json = serde_json::to_value(audit(&lib, as_of())).unwrap();
    assert_eq!(json["as_of"], "2026-12-20");
    let carried = &json["ending"][0]["programmes"][0];
    assert_eq!(
        carried,
        &serde_json::json!({"programme": "CARRIED", "after": "basis", "document": "new_plan", "to": "2029-12-31", "reading": false})
    );
    assert_eq!(
        json["stale"][1],
        serde_json::json!({"pack": "audit-stale", "kind": "pack", "last": "2026-06-20", "days": 183})
    );
    // After the coverage note of the common pack and the ending set's weak basis.
    assert_eq!(
        json["weak"][2],
        serde_json::json!({"pack": "audit-weak", "kind": "document", "document": "digest", "confidence": "news_weak"})
    );
    let again = serde_json::to_value(audit(&lib, as_of())).unwrap();
    assert_eq!(json, again);
}
