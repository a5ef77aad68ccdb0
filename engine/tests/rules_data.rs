//! The rule data: every built-in pack loads and is complete, a pack with a defect is refused with a
//! message naming the pack and the place, and a change of policy is an edit to data, not to the
//! engine.

mod common;

use common::*;
use serde_json::{json, Value};
use subsidy_engine::explain::formula_text;
use subsidy_engine::report::{Amount, Verdict};
use subsidy_engine::rules::{read_pack, Level, Library, PackSource, RuleError, BUILTIN};
use subsidy_engine::{evaluate, Lang};

/// The built-in packs with one file's text edited (`from` must occur in it).
fn edited(name: &str, from: &str, to: &str) -> Result<Library, RuleError> {
    let text = builtin_text(name);
    assert!(text.contains(from), "{name} does not contain {from}");
    let changed = text.replacen(from, to, 1);
    let sources: Vec<PackSource<'_>> = BUILTIN
        .iter()
        .map(|s| PackSource { name: s.name, text: if s.name == name { &changed } else { s.text } })
        .collect();
    Library::from_json(&sources)
}

fn problems(result: Result<Library, RuleError>) -> Vec<String> {
    match result {
        Err(RuleError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {:?}", other.map(|_| "a library")),
    }
}

fn parse_error(result: Result<Library, RuleError>) -> String {
    match result {
        Err(RuleError::Parse(message)) => message,
        other => panic!("expected a parse error, got {:?}", other.map(|_| "a library")),
    }
}

#[test]
fn the_built_in_packs_load() {
    let library = Library::from_json(BUILTIN).unwrap_or_else(|e| panic!("{e}"));
    let packs: Vec<(&str, Level)> = library.packs.iter().map(|p| (p.id.as_str(), p.level)).collect();
    assert_eq!(
        packs,
        [
            ("common", Level::Common),
            ("guangdong-ai-robotics-2025", Level::Province),
            ("shenzhen-ai-2024", Level::City),
            ("zhuhai", Level::City),
            ("dongguan", Level::City),
            ("foshan", Level::City),
            ("zhongshan", Level::City),
            ("guangzhou", Level::City),
            ("longgang", Level::District),
            ("guangming", Level::District),
            ("longhua", Level::District),
            ("qianhai", Level::District),
            ("haizhu", Level::District),
            ("tianhe", Level::District),
            ("huangpu", Level::District),
            ("baiyun", Level::District),
        ]
    );
    let ids = |pack: &str| -> Vec<&str> {
        library.pack(pack).unwrap().programmes.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids("guangdong-ai-robotics-2025"),
        ["P1", "P2-LG", "P2-LG-CITY", "P2-SC", "P2-SC-CITY", "P3", "P4", "P5", "I1", "I2", "I3", "I4", "I5"]
    );
    assert_eq!(
        ids("shenzhen-ai-2024"),
        [
            "SZ-COMPUTE",
            "SZ-CORPUS",
            "SZ-MODEL",
            "SZ-DEMO",
            "SZ-BENCH",
            "SZ-BESTSELLER",
            "SZ-GOVSCENE",
            "SZ-TASK-MATCH",
            "SZ-TASK-SELF",
            "SZ-ECO-CENTRE",
            "SZ-OPC"
        ]
    );
    assert_eq!(ids("zhuhai"), ["ZH-COMPUTE", "ZH-FILING-MODEL", "ZH-FILING-ALGO"]);
    assert_eq!(ids("dongguan"), ["DG-COMPUTE", "DG-CENTRE", "DG-WORKSHOP", "DG-FACTORY"]);
    assert_eq!(
        ids("foshan"),
        ["FS-KEYTECH", "FS-FIRST-SET", "FS-VERTICAL-MODEL", "FS-QUALITY-INFO", "FS-CENTRE-INFO"]
    );
    assert_eq!(ids("zhongshan"), ["ZS-PLATFORM", "ZS-COMPUTE-INFO"]);
    assert_eq!(ids("longgang"), ["LG-COMPUTE"]);
    assert_eq!(ids("guangming"), ["GM-COMPUTE", "GM-CORPUS"]);
    assert_eq!(ids("longhua"), ["LH-COMPUTE"]);
    assert_eq!(ids("qianhai"), ["QH-RENT"]);
    assert_eq!(
        ids("haizhu"),
        ["HZ-LLM-FILING", "HZ-ALGO-FILING", "HZ-SCENARIO", "HZ-OPC-COMPUTE", "HZ-OPC-DATA", "HZ-FRONTIER"]
    );
    assert_eq!(ids("guangzhou"), ["GZ-AI-PLAN", "GZ-ROBOT"]);
    assert_eq!(ids("baiyun"), ["BY-COMPUTE", "BY-LABEL", "BY-DATASET", "BY-MODEL-FILING"]);
    assert_eq!(ids("tianhe"), ["TH-RD", "TH-OPEN-SOURCE", "TH-COMPUTE-INFO"]);
    assert_eq!(ids("huangpu"), ["HP-VOUCHERS"]);
    // The common pack's questions come first, whatever else loads, so that they keep their
    // indices.
    assert_eq!(library.question(subsidy_engine::fields::Field(0)).id, "company.name");
    assert_eq!(library.pack_of(field("company.founded")).id, "common");
    assert_eq!(library.pack_of(field("compute_rental.contract_amount")).id, "shenzhen-ai-2024");
    assert_eq!(library.pack_of_topic(topic("innovation_centre")).id, "guangdong-ai-robotics-2025");
    // Loaded twice, the same; and what the web build embeds reads back as the same packs.
    let all = |_| true;
    let again = Library::from_postcard(&[&library.to_postcard(all)]).unwrap();
    assert_eq!(again.question_count(), library.question_count());
    assert_eq!(again.to_postcard(all), library.to_postcard(all));
    assert_eq!(Library::builtin().to_postcard(all), library.to_postcard(all));
}

/// What the load-time check guarantees, checked here once more by walking the packs: a second
/// writer of the same rules, so that a gap in the check shows.
#[test]
fn every_pack_speaks_both_languages_and_its_citations_resolve() {
    let library = lib();
    for pack in &library.packs {
        assert!(pack.title.is_complete() && pack.place.is_complete(), "{}", pack.id);
        for p in &pack.programmes {
            for lang in Lang::ALL {
                assert!(!p.title.get(lang).trim().is_empty(), "{} {} title {lang:?}", pack.id, p.id);
                assert!(!p.summary.get(lang).trim().is_empty(), "{} {} summary {lang:?}", pack.id, p.id);
                assert!(!p.apply.channel.get(lang).trim().is_empty(), "{} {} apply {lang:?}", pack.id, p.id);
                assert!(!p.apply.office.get(lang).trim().is_empty(), "{} {} office {lang:?}", pack.id, p.id);
            }
            assert!(!p.cites.is_empty(), "{} has no citation", p.id);
            for id in &p.cites {
                let c = pack.citation(id).unwrap_or_else(|| panic!("{} {}: {id}", pack.id, p.id));
                assert!(pack.document(&c.document).is_some(), "{} {id}", pack.id);
            }
            assert!(pack.documents_of(p).next().is_some(), "{} {} rests on no document", pack.id, p.id);
            for c in &p.conditions {
                assert!(pack.citation(&c.cite).is_some(), "{} {} {}", pack.id, p.id, c.id);
                assert!(c.text.is_complete(), "{} {} {}", pack.id, p.id, c.id);
                // Every question a condition reads is declared, in this pack or the common one.
                for f in c.test.fields() {
                    assert!(f.index() < library.question_count(), "{} {} {}", pack.id, p.id, c.id);
                    let owner = library.pack_of(f);
                    assert!(
                        owner.id == pack.id || owner.level == Level::Common,
                        "{} {} reads {}",
                        pack.id,
                        p.id,
                        library.question(f).id
                    );
                }
            }
        }
        for q in &pack.questions {
            assert!(q.label.is_complete(), "{} {}", pack.id, q.id);
            assert!(
                q.id.starts_with(&format!("{}.", q.topic)),
                "{} {}: id not under its topic",
                pack.id,
                q.id
            );
            for c in &q.choices {
                assert!(c.label.is_complete(), "{} {} {}", pack.id, q.id, c.id);
            }
        }
    }
}

#[test]
fn no_document_is_missing_its_dates() {
    for pack in &lib().packs {
        for d in &pack.documents {
            let explained = d.note.as_ref().is_some_and(|n| n.is_complete());
            assert!(d.dated.is_some() || explained, "{} {} has no date and no note", pack.id, d.id);
            assert!(d.in_force.is_some() || explained, "{} {} has no period and no note", pack.id, d.id);
            if let Some(period) = d.in_force {
                assert!(period.to.is_none_or(|to| period.from <= to), "{} {}", pack.id, d.id);
                assert!(period.to.is_some() || explained, "{} {}: open end without a note", pack.id, d.id);
            }
        }
    }
    // The documents the programmes rest on have both dates and a period of force.
    let province = lib().pack("guangdong-ai-robotics-2025").unwrap();
    for id in ["measures", "fund_rules"] {
        let d = province.document(id).unwrap();
        assert!(d.dated.is_some() && d.in_force.is_some_and(|p| p.to.is_some()), "{id}");
    }
    let shenzhen = lib().pack("shenzhen-ai-2024").unwrap();
    let measures = shenzhen.document("sz_ai_2024").unwrap();
    assert_eq!(measures.number.as_deref(), Some("深工信规〔2024〕13号"));
    let period = measures.in_force.unwrap();
    assert_eq!((period.from, period.to), (date("2024-12-18"), Some(date("2026-12-17"))));
}

#[test]
fn a_new_cap_is_an_edit_to_data() {
    let library = edited(
        "guangdong-province.json",
        r#""base": ["benchmark_project.investment"], "cap": "8000000""#,
        r#""base": ["benchmark_project.investment"], "cap": "3000000""#,
    )
    .unwrap();
    let profile = example("w06-benchmark-visual-inspection");
    let profile = subsidy_engine::Profile::from_json(&library, &profile.to_json_compact(lib())).unwrap();
    let report = evaluate(&profile, &library, as_of()).unwrap();
    let p3 = report.outcomes.iter().find(|o| o.programme.id == "P3").unwrap();
    assert_eq!(p3.amount, Amount::Ceiling(yuan("3000000")));
}

/// A hypothetical Foshan pack: 10% of a centre's equipment, at most ¥2,000,000, for Foshan firms.
const FOSHAN: &str = r#"{
  "schema": 1, "id": "foshan-example", "version": "test", "reviewed": "2026-01-15", "level": "city",
  "title": { "zh": "佛山市创新中心配套（示例）", "en": "Foshan innovation centre top-up (example)" },
  "place": { "zh": "佛山市", "en": "Foshan" },
  "applies": { "one_of": { "field": "company.city", "values": ["foshan"] } },
  "documents": [{
    "id": "fs", "number": "佛山示例〔2026〕1号", "title": { "zh": "示例", "en": "Example" },
    "issuer": { "zh": "佛山市工信局", "en": "Foshan bureau" }, "dated": "2026-01-01",
    "in_force": { "from": "2026-01-01", "to": "2027-12-31" }, "confidence": "text",
    "source_url": "https://example.invalid/foshan", "checked": "2026-01-15"
  }],
  "citations": [{
    "id": "fs.art1", "document": "fs", "article": { "zh": "第一条", "en": "art. 1" },
    "topic": { "zh": "创新中心", "en": "centres" }, "verified": true
  }],
  "topics": [{
    "id": "foshan_centre", "title": { "zh": "佛山创新中心", "en": "Foshan centre" },
    "ask": { "zh": "我们在佛山建设创新中心", "en": "We run a centre in Foshan" }
  }],
  "questions": [{
    "id": "foshan_centre.equipment_cost", "topic": "foshan_centre", "kind": "money",
    "label": { "zh": "设备投入", "en": "Equipment" }
  }],
  "programmes": [{
    "id": "C-FS1",
    "title": { "zh": "佛山市创新中心配套（示例）", "en": "Foshan innovation centre top-up (example)" },
    "summary": { "zh": "示例。", "en": "An example." },
    "topic": "foshan_centre", "cites": ["fs.art1"], "confidence": "text",
    "conditions": [{
      "id": "registered", "text": { "zh": "在广东注册", "en": "Registered in Guangdong" }, "cite": "fs.art1",
      "test": { "is": { "field": "company.registered_in_guangdong", "value": true } }
    }],
    "formula": { "rate_of_base": { "rate": "0.10", "base": ["foshan_centre.equipment_cost"], "cap": "2000000" } },
    "apply": { "channel": { "zh": "市工信局", "en": "City bureau" }, "office": { "zh": "市工信局", "en": "City bureau" } }
  }]
}"#;

#[test]
fn a_city_programme_is_an_edit_to_data() {
    let library = library_with("foshan.json", FOSHAN).unwrap_or_else(|e| panic!("{e}"));
    // W1 is a Foshan company; its new answer goes in the new pack's question.
    let mut profile = subsidy_engine::Profile::from_json(
        &library,
        &example("w01-provincial-innovation-centre").to_json_compact(lib()),
    )
    .unwrap();
    profile.set(library.field("foshan_centre.equipment_cost").unwrap(), money("15000000")).unwrap();
    let report = evaluate(&profile, &library, as_of()).unwrap();
    let city = report.outcomes.iter().find(|o| o.programme.id == "C-FS1").unwrap();
    assert_eq!(city.verdict, Verdict::Eligible);
    assert_eq!(city.amount, Amount::RuleBased(yuan("1500000")));
    // The provincial result does not move.
    let p1 = report.outcomes.iter().find(|o| o.programme.id == "P1").unwrap();
    assert_eq!(p1.amount, Amount::RuleBased(yuan("7200000")));
    let levels: Vec<_> = report.totals.iter().map(|t| (t.level, t.rule_based.single().unwrap())).collect();
    assert_eq!(levels, [(Level::Province, yuan("7200000")), (Level::City, yuan("1500000"))]);
}

/// The minimal city pack `FOSHAN`, as JSON to break in one place.
fn foshan() -> Value {
    serde_json::from_str(FOSHAN).unwrap()
}

/// Loads the built-in packs and a broken Foshan pack; every problem must name the pack.
fn refused(pack: Value) -> Vec<String> {
    let problems = problems(library_with("foshan.json", &pack.to_string()));
    assert!(!problems.is_empty());
    problems
}

fn assert_named(problems: &[String], expected: &str) {
    assert!(problems.iter().any(|p| p == expected), "no {expected:?} in {problems:#?}");
}

#[test]
fn a_pack_with_a_defect_is_refused_naming_the_pack_and_the_place() {
    // Both languages.
    let mut p = foshan();
    p["programmes"][0]["title"]["en"] = json!(" ");
    assert_named(&refused(p), "foshan-example: programme C-FS1: needs both zh and en text");
    let mut p = foshan();
    p["questions"][0]["label"]["zh"] = json!("");
    assert_named(
        &refused(p),
        "foshan-example: question foshan_centre.equipment_cost: needs both zh and en text",
    );
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["text"] = json!({ "zh": "在广东注册", "en": "" });
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: needs both zh and en text",
    );

    // Citations that do not resolve.
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["cite"] = json!("fs.art9");
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: cites \"fs.art9\", which is not in this pack's citations",
    );
    let mut p = foshan();
    p["programmes"][0]["cites"] = json!(["fs.art1", "measures.art1"]);
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1: cites \"measures.art1\", which is not in this pack's citations",
    );
    let mut p = foshan();
    p["citations"][0]["document"] = json!("nowhere");
    assert_named(
        &refused(p),
        "foshan-example: citation fs.art1: names document \"nowhere\", which is not listed",
    );

    // A question no pack declares, and a topic no pack declares.
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] =
        json!({ "is": { "field": "foshan_centre.operating", "value": true } });
    assert_named(
        &refused(p),
        "pack foshan-example programme C-FS1 condition registered: reads question \"foshan_centre.operating\", which no pack declares",
    );
    let mut p = foshan();
    p["programmes"][0]["formula"]["rate_of_base"]["base"] = json!(["foshan_centre.software_cost"]);
    assert_named(
        &refused(p),
        "pack foshan-example programme C-FS1 formula: reads question \"foshan_centre.software_cost\", which no pack declares",
    );
    let mut p = foshan();
    p["questions"][0]["topic"] = json!("foshan_centres");
    assert_named(
        &refused(p),
        "pack foshan-example question foshan_centre.equipment_cost: topic \"foshan_centres\" is not declared",
    );
    // A question another pack already declares.
    let mut p = foshan();
    p["questions"][0]["id"] = json!("company.city");
    assert!(refused(p)
        .iter()
        .any(|m| m == "pack foshan-example: question \"company.city\" is declared twice"));

    // Kinds that do not match.
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] =
        json!({ "is": { "field": "foshan_centre.equipment_cost", "value": true } });
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: foshan_centre.equipment_cost is a Money question, not Bool",
    );
    let mut p = foshan();
    p["programmes"][0]["formula"]["rate_of_base"]["base"] = json!(["company.registered_in_guangdong"]);
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 formula: company.registered_in_guangdong is a Bool question, not Money",
    );
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] =
        json!({ "more_than": { "field": "company.city", "value": "1" } });
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: company.city is not a number",
    );
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] =
        json!({ "one_of": { "field": "company.city", "values": ["atlantis"] } });
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: \"atlantis\" is not a choice of company.city",
    );

    // A rule reading another pack's optional topic.
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] =
        json!({ "more_than": { "field": "innovation_centre.equipment_cost", "value": "1" } });
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1 condition registered: reads innovation_centre.equipment_cost, outside its topic foshan_centre",
    );

    // Dates out of order.
    let mut p = foshan();
    p["documents"][0]["in_force"] = json!({ "from": "2026-01-01", "to": "2025-12-31" });
    assert_named(&refused(p), "foshan-example: document fs: in_force ends before it starts");
    let mut p = foshan();
    p["documents"][0]["in_force"] = json!({ "from": "2025-01-01", "to": "2025-06-30" });
    assert_named(&refused(p), "foshan-example: document fs: in_force ends before the document is dated");
    let mut p = foshan();
    p["documents"][0]["in_force"] = json!({ "from": "2026-01-01", "to": null });
    assert_named(
        &refused(p),
        "foshan-example: document fs: a document without a number, a date or an end of force needs a note saying why",
    );
    let mut p = foshan();
    p["programmes"][0]["conditions"][0]["test"] = json!({ "year_between": { "field": "little_giant.first_recognised_year", "from": 2026, "to": 2024 } });
    let problems = refused(p);
    assert_named(
        &problems,
        "foshan-example: programme C-FS1 condition registered: year window ends before it starts",
    );

    // Numbers out of range.
    let mut p = foshan();
    p["programmes"][0]["formula"]["rate_of_base"]["rate"] = json!("1.30");
    assert_named(&refused(p), "foshan-example: programme C-FS1 formula: rate 1.30 is not in (0, 1]");
    let mut p = foshan();
    p["programmes"][0]["formula"]["rate_of_base"]["cap"] = json!("0");
    assert_named(&refused(p), "foshan-example: programme C-FS1 formula: 0 must be positive");

    // Where the pack applies, and what a pack of its level may hold.
    let mut p = foshan();
    p.as_object_mut().unwrap().remove("applies");
    assert_named(&refused(p), "foshan-example: applies: a city or district pack must say where it applies");
    let mut p = foshan();
    p["level"] = json!("province");
    assert_named(&refused(p), "foshan-example: applies: common and provincial packs apply everywhere");
    let mut p = foshan();
    p["schema"] = json!(2);
    assert_named(&refused(p), "foshan-example: schema: is 2, this engine reads 1");
    let mut p = foshan();
    p["programmes"][0].as_object_mut().unwrap().remove("topic");
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1: an informational item (no topic) cannot have conditions or a formula",
    );
    let mut p = foshan();
    p["programmes"][0]["topic"] = json!("company");
    assert_named(
        &refused(p),
        "foshan-example: programme C-FS1: a programme's topic must be one the company can switch on",
    );
    let mut p = foshan();
    p["id"] = json!("shenzhen-ai-2024");
    assert!(refused(p).iter().any(|m| m.contains("id \"shenzhen-ai-2024\" is empty or repeated")));
}

#[test]
fn every_problem_of_a_pack_is_reported_at_once() {
    let mut p = foshan();
    p["programmes"][0]["title"]["en"] = json!("");
    p["programmes"][0]["conditions"][0]["cite"] = json!("fs.art9");
    p["documents"][0]["in_force"] = json!({ "from": "2026-01-01", "to": "2025-12-31" });
    let problems = refused(p);
    assert_eq!(
        problems,
        [
            "foshan-example: document fs: in_force ends before it starts",
            "foshan-example: document fs: in_force ends before the document is dated",
            "foshan-example: programme C-FS1: needs both zh and en text",
            "foshan-example: programme C-FS1 condition registered: cites \"fs.art9\", which is not in this pack's citations",
        ]
    );
    // And in words, one line each.
    let text = RuleError::Invalid(problems).to_string();
    assert!(text.starts_with("packs have problems:\n- foshan-example: "), "{text}");
    assert_eq!(text.lines().count(), 5);
}

#[test]
fn a_city_award_line_must_name_a_match_of_its_pack_and_sit_below_it() {
    let text = r#""formula": {"city_award": {"matched_by": "P2-LG"}}"#;
    let p = problems(edited("guangdong-province.json", text, &text.replace("P2-LG", "P3")));
    assert!(
        p.iter()
            .any(|m| m.contains("programme P2-LG-CITY formula: names P3, which is not a city_award_match")),
        "{p:?}"
    );
    let p = problems(edited("guangdong-province.json", text, &text.replace("P2-LG", "P2-SC")));
    assert!(p.iter().any(|m| m.contains("needs the topic of P2-SC, whose conditions it takes")), "{p:?}");
    let p = problems(edited("guangdong-province.json", r#""level": "city""#, r#""level": "province""#));
    assert!(p.iter().any(|m| m.contains("its own `level` must be below its pack's")), "{p:?}");
    let p = problems(edited("guangdong-province.json", text, &text.replace("P2-LG", "P9")));
    assert!(p.iter().any(|m| m.contains("names programme \"P9\", which no pack has")), "{p:?}");
}

#[test]
fn a_reading_error_says_which_file_and_where_in_it() {
    // The line and column are those of the misspelt key in the file.
    let text = builtin_text("guangdong-province.json").replacen(r#""total_cap""#, r#""totalcap""#, 1);
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("\"totalcap\"").map(|c| (i + 1, c + "\"totalcap\"".len())))
        .unwrap();
    assert_eq!(
        parse_error(edited("guangdong-province.json", r#""total_cap""#, r#""totalcap""#)),
        format!(
            "guangdong-province.json: at programmes[1].formula.city_award_match.totalcap: unknown field `totalcap`, expected one of `award`, `ratio`, `total_cap`, `readings` at line {line} column {column}"
        )
    );
    let e = parse_error(edited("guangdong-province.json", r#""rate": "0.30""#, r#""rate": "30%""#));
    assert!(e.starts_with("guangdong-province.json: at programmes[5].formula.rate_of_base.rate: "), "{e}");
    let e = parse_error(edited("shenzhen.json", r#""kind": "money""#, r#""kind": "cash""#));
    assert!(e.starts_with("shenzhen.json: at questions[0].kind: unknown variant `cash`"), "{e}");
    let e = parse_error(library_with("broken.json", "{\"schema\": 1,"));
    assert!(e.starts_with("broken.json: "), "{e}");
    let e = parse_error(library_with("two.json", &format!("{FOSHAN} {{}}")));
    assert!(e.starts_with("two.json: trailing characters"), "{e}");
    // A question the province does not declare is found when the packs are linked, and named.
    let problems = problems(edited(
        "guangdong-province.json",
        "innovation_centre.operating\", \"value\"",
        "innovation_centre.running\", \"value\"",
    ));
    assert_eq!(
        problems,
        ["pack guangdong-ai-robotics-2025 programme P1 condition operating: reads question \"innovation_centre.running\", which no pack declares"]
    );
    // `read_pack` alone says the same of the file.
    let e = read_pack(&PackSource { name: "x.json", text: "[]" }).unwrap_err();
    assert!(matches!(&e, RuleError::Parse(m) if m.starts_with("x.json: ")), "{e:?}");
    assert!(e.to_string().starts_with("pack file is not readable: x.json: "), "{e}");
}

#[test]
fn formulas_read_as_the_rules_say() {
    let library = lib();
    let formula = |pack: &str, id: &str, lang| {
        formula_text(
            library.pack(pack).unwrap().programme(id).unwrap().formula.as_ref().unwrap(),
            library,
            lang,
        )
    };
    let gd = "guangdong-ai-robotics-2025";
    assert_eq!(
        formula(gd, "P1", Lang::En),
        "40% × (New R&D instruments and equipment (excl. tax) + Supporting software (excl. tax)), at most: National ¥50,000,000; Provincial ¥10,000,000"
    );
    assert_eq!(formula(gd, "P3", Lang::Zh), "30% ×（项目总投资（不含税）），上限：8,000,000 元");
    assert!(
        formula(gd, "P2-LG", Lang::Zh).starts_with("省级配套 = 市级奖励 × 1:1；奖励总额度最高 2,000,000 元")
    );
    assert!(formula(gd, "P5", Lang::En).contains("¥100,000,000 or more"));
    let sz = "shenzhen-ai-2024";
    assert_eq!(
        formula(sz, "SZ-COMPUTE", Lang::En),
        "50% × (Compute-rental service contract amount), at most: ¥10,000,000; a start-up: under one year old at application: 60%"
    );
    assert_eq!(
        formula(sz, "SZ-GOVSCENE", Lang::Zh),
        "按档次给予，上限：一档（评分最高） 5,000,000 元；二档 3,000,000 元；三档 1,000,000 元"
    );
}
