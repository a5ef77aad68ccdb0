//! The `estimate` command line, run as a user would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `estimate` with `stdin` as its input. The input is written from another thread while the
/// output is read, and a command that exits without reading all of it (a bad option, a bad pack)
/// is not an error.
fn estimate(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_estimate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || match input.write_all(&bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A profile file of `engine/profiles/` on one line, for a batch.
fn one_line(name: &str) -> String {
    std::fs::read_to_string(format!("{}/profiles/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .replace('\n', "")
}

/// The made-up Testville pack (city level, applies in Yunfu), relative to the crate directory.
const TESTVILLE: &str = "tests/packs/testville.json";

/// A Yunfu company (format 2) that answers every Testville question: founded 2025-01-01, flag yes,
/// band high, test spend ¥40,000, 4 robots, test year 2025, test date 2026-02-01.
const YUNFU: &str = r#"{"format_version": 2, "topics": ["testville"], "answers": {"company.city": "yunfu", "company.founded": "2025-01-01", "testville.flag": true, "testville.band": "high", "testville.spend": "40000", "testville.robots": 4, "testville.year": 2025, "testville.date": "2026-02-01"}}"#;

#[test]
fn prints_the_worked_example_in_chinese_by_default() {
    let out = estimate(&["profiles/w01-provincial-innovation-centre.json", "--as-of", "2026-03-01"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("[P1] 省级 制造业创新中心能力建设 — 符合 — 7,200,000 元"), "{stdout}");
    assert!(stdout.contains("40% × 18,000,000 元 = 7,200,000 元"), "{stdout}");
    assert!(stdout.contains("测算基准日: 2026-03-01"), "{stdout}");
    // A Guangzhou company: only the provincial pack applies (no city pack for Guangzhou).
    assert!(stdout.contains("规则包: guangdong-ai-robotics-2025 "), "{stdout}");
    assert!(!stdout.contains("testville"), "{stdout}");
    // The sheet's fingerprint, to check a printed sheet against.
    assert!(stdout.ends_with(&format!("指纹: {}\n", w01_fingerprint())), "{stdout}");
}

/// The fingerprint of worked example W1 on 2026-03-01 with the built-in packs, from the library.
fn w01_fingerprint() -> String {
    let library = subsidy_engine::Library::builtin();
    let text = std::fs::read_to_string(format!(
        "{}/profiles/w01-provincial-innovation-centre.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let profile = subsidy_engine::Profile::from_json(library, &text).unwrap();
    let as_of = subsidy_engine::Date::parse("2026-03-01").unwrap();
    seal::fingerprint(&subsidy_engine::fingerprint::canonical(&profile, library, as_of))
}

#[test]
fn prints_json_in_english() {
    let out = estimate(
        &[
            "profiles/w06-benchmark-visual-inspection.json",
            "--as-of",
            "2026-03-01",
            "--lang",
            "en",
            "--format",
            "json",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The whole report view, as the web page gets it.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["as_of"], "2026-03-01");
    let p3 = json["programmes"].as_array().unwrap().iter().find(|p| p["id"] == "P3").unwrap();
    assert_eq!(p3["verdict"], "eligible");
    assert_eq!(p3["pack"], "guangdong-ai-robotics-2025");
    assert_eq!(p3["level"], "province");
    assert_eq!(p3["amount"], serde_json::json!({"kind": "ceiling", "yuan": "3600000"}));
    assert_eq!(p3["amount_label"], "up to ¥3,600,000");
    let totals = json["totals"].as_array().unwrap();
    assert_eq!(totals.len(), 1, "{totals:?}");
    assert_eq!(totals[0]["level"], "province");
    assert_eq!(totals[0]["competitive_ceilings"], "3600000");
    assert_eq!(totals[0]["rule_based"], "0");
    let packs: Vec<&str> =
        json["packs"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(packs, ["guangdong-ai-robotics-2025"]);
    assert!(json["fingerprint"].as_str().is_some_and(|f| f.len() == 14), "{}", json["fingerprint"]);
}

#[test]
fn the_fingerprint_is_the_same_in_json_and_in_either_language() {
    let args =
        ["profiles/w01-provincial-innovation-centre.json", "--as-of", "2026-03-01", "--format", "json"];
    for lang in ["zh", "en"] {
        let out = estimate(&[&args[..], &["--lang", lang]].concat(), "");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["fingerprint"], w01_fingerprint().as_str(), "{lang}");
    }
}

#[test]
fn bad_input_exits_2_naming_the_field() {
    let out = estimate(
        &["-", "--lang", "en"],
        r#"{"format_version": 1, "benchmark_project": {"investment": "-5"}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).trim(), "-: Project investment (excl. tax): an amount cannot be negative");

    let out = estimate(&["-"], r#"{"format_version": 1, "company": {"city": "hongkong"}}"#);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).trim(), "-: 所在地市：“hongkong”不是可选项");

    // Format 2 names answers by question id: an unknown id is named as it was written.
    let out = estimate(
        &["-", "--lang", "en"],
        r#"{"format_version": 2, "topics": [], "answers": {"company.city": "guangzhou", "company.ctiy": "foshan"}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).trim(), "-: company.ctiy: is not a profile field (check the spelling)");

    let out = estimate(&["no-such-file.json"], "");
    assert_eq!(out.status.code(), Some(2));

    let out = estimate(&["profiles/w01-provincial-innovation-centre.json", "--as-of", "2026-02-30"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--as-of"));

    let out = estimate(&["--lang", "fr", "x.json"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_writes_one_record_per_line_and_an_error_record_for_a_bad_line() {
    let w3 = one_line("w03-guangzhou-little-giant.json");
    // The same Guangzhou little giant with its city award left out: Guangzhou's award is assumed.
    let w3_no_award = w3.replace(r#", "city_award": "1000000""#, "");
    assert_ne!(w3_no_award, w3);
    let input = format!(
        "{w3}\nnot json\n\n{{\"format_version\": 1, \"open_source\": {{\"active_users\": -1}}}}\n{w3_no_award}\n"
    );
    let out = estimate(&["--batch", "--as-of", "2026-03-01", "--lang", "en"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);

    // A machine record: totals per level, and per programme its pack, level, verdict and amount,
    // no prose.
    let record = &lines[0];
    assert_eq!(record["line"], 1);
    assert_eq!(record["as_of"], "2026-03-01");
    // The city award the provincial match rests on counts at city level (given: ¥1,000,000).
    assert_eq!(
        record["totals"],
        serde_json::json!([
            {"level": "province", "rule_based": "1000000", "competitive_ceilings": "0", "eligible": 1, "undetermined": 0},
            {"level": "city", "rule_based": "1000000", "competitive_ceilings": "0", "eligible": 1, "undetermined": 0}
        ])
    );
    let programmes = record["programmes"].as_array().unwrap();
    let ids: Vec<&str> = programmes.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["P1", "P2-LG", "P2-SC", "P3", "P4", "P5", "P2-LG-CITY", "P2-SC-CITY"]);
    assert_eq!(
        programmes[6],
        serde_json::json!({"id": "P2-LG-CITY", "pack": "guangdong-ai-robotics-2025", "level": "city",
            "verdict": "eligible", "amount": {"kind": "rule_based", "yuan": "1000000"}})
    );
    assert_eq!(
        programmes[1],
        serde_json::json!({"id": "P2-LG", "pack": "guangdong-ai-robotics-2025", "level": "province",
            "verdict": "eligible", "amount": {"kind": "rule_based", "yuan": "1000000"}})
    );
    assert_eq!(
        programmes[0],
        serde_json::json!({"id": "P1", "pack": "guangdong-ai-robotics-2025", "level": "province",
            "verdict": "not_applicable", "amount": {"kind": "none"}})
    );
    // Eight programmes (the city award lines included) in well under 1,300 characters.
    assert!(stdout.lines().next().unwrap().len() < 1_300, "{stdout}");

    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["errors"][0]["message"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["errors"][0]["field"], "open_source.active_users");
    assert!(lines[2]["errors"][0]["message"].as_str().unwrap().starts_with("Active users: "));

    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["programmes"][1]["prefilled"], "little_giant.city_award");
    assert_eq!(lines[3]["programmes"][6]["prefilled"], "little_giant.city_award");
    assert_eq!(lines[3]["programmes"][1]["amount"]["yuan"], "1000000");
}

#[test]
fn batch_numbers_and_orders_the_lines_of_a_long_input_read_in_chunks() {
    let w3 = one_line("w03-guangzhou-little-giant.json");
    // About 2 MB: many chunks, with blank lines, CRLF endings and a last line without an ending.
    let mut input = String::new();
    let mut expected = Vec::new();
    for number in 1..=5_000 {
        match number % 7 {
            0 => input.push_str("  \n"),
            3 => {
                input.push_str(&w3);
                input.push_str("\r\n");
                expected.push(number);
            }
            _ => {
                input.push_str(&w3);
                input.push('\n');
                expected.push(number);
            }
        }
    }
    input.push_str(&w3);
    expected.push(5_001);
    let out = estimate(&["--batch", "--as-of", "2026-03-01"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let first = stdout.lines().next().unwrap().split_once(',').unwrap().1.to_string();
    let mut numbers = Vec::new();
    for record in stdout.lines() {
        let (line, rest) = record.strip_prefix("{\"line\":").unwrap().split_once(',').unwrap();
        numbers.push(line.parse::<usize>().unwrap());
        assert_eq!(rest, first, "every line holds the same profile");
    }
    assert_eq!(numbers, expected);

    // A line that is not UTF-8 stops the batch after the lines before it, as a read error.
    let mut input = format!("{w3}\n").repeat(1_000).into_bytes();
    input.extend_from_slice(b"{\"format_version\": 1, \"company\": {\"name\": \"\xff\"}}\n");
    input.extend_from_slice(format!("{w3}\n").as_bytes());
    let out = estimate(&["--batch", "--as-of", "2026-03-01"], &input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout).lines().count(), 1_000);
    assert_eq!(text(&out.stderr), "stdin: stream did not contain valid UTF-8\n");
}

#[test]
fn batch_records_name_what_is_missing_and_what_failed() {
    let profile = r#"{"format_version": 1, "company": {"registered_in_guangdong": true},
        "little_giant": {"first_recognised_year": 2023, "city_award": "500000"},
        "open_source": {"active_users": 1500000, "enterprises_served": 10, "previous_year_operating_expenses": "1000000"}}"#
        .replace('\n', "");
    let out = estimate(&["--batch", "--as-of", "2026-03-01"], &profile);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let programme =
        |id: &str| record["programmes"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    // Recognised in 2023, one year before the window: not eligible, a near miss.
    let lg = programme("P2-LG");
    assert_eq!(lg["verdict"], "not_eligible");
    assert_eq!(lg["amount"], serde_json::json!({"kind": "none"}));
    assert_eq!(lg["near_misses"], serde_json::json!(["little_giant.first_recognised_year"]));
    assert!(lg["not_met"].as_array().unwrap().len() == 1, "{lg}");
    // The AI & robotics field is unknown: P4 is undetermined and says so, here and in the ranking.
    let p4 = programme("P4");
    assert_eq!(p4["verdict"], "undetermined");
    assert_eq!(p4["amount"], serde_json::json!({"kind": "ceiling", "yuan": "300000"}));
    assert!(
        p4["missing"].as_array().unwrap().contains(&serde_json::json!("company.ai_robotics_field")),
        "{p4}"
    );
    assert!(record["missing"].as_array().unwrap().contains(&serde_json::json!("company.ai_robotics_field")));
}

#[test]
fn batch_records_name_each_programmes_pack_and_level() {
    // The Yunfu company gets the Testville programmes with their pack and level, and city totals
    // beside the provincial ones; the Guangzhou company, with the same pack loaded, gets none.
    let w3 = one_line("w03-guangzhou-little-giant.json");
    let input = format!("{YUNFU}\n{w3}\n");
    let out = estimate(&["--batch", "--as-of", "2026-03-01", "--rules", TESTVILLE], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);

    let programmes = lines[0]["programmes"].as_array().unwrap();
    let ids: Vec<&str> = programmes.iter().map(|p| p["id"].as_str().unwrap()).collect();
    // The city awards the provincial matches rest on come first among the city's programmes.
    assert_eq!(
        ids,
        [
            "P1",
            "P2-LG",
            "P2-SC",
            "P3",
            "P4",
            "P5",
            "P2-LG-CITY",
            "P2-SC-CITY",
            "TV-RATE",
            "TV-ITEM",
            "TV-TIERS",
            "TV-NONE",
            "TV-COMPETE"
        ]
    );
    for p in programmes {
        let id = p["id"].as_str().unwrap();
        let (pack, level) = if id.starts_with("TV-") {
            ("testville-2026", "city")
        } else if id.ends_with("-CITY") {
            ("guangdong-ai-robotics-2025", "city")
        } else {
            ("guangdong-ai-robotics-2025", "province")
        };
        assert_eq!((p["pack"].as_str(), p["level"].as_str()), (Some(pack), Some(level)), "{p}");
    }
    assert_eq!(
        lines[0]["totals"],
        serde_json::json!([
            {"level": "province", "rule_based": "0", "competitive_ceilings": "0", "eligible": 0, "undetermined": 0},
            {"level": "city", "rule_based": "48000", "competitive_ceilings": "10000", "eligible": 5, "undetermined": 0}
        ])
    );

    // Only its city award line is at city level.
    let programmes = lines[1]["programmes"].as_array().unwrap();
    assert!(programmes.iter().all(|p| p["pack"] == "guangdong-ai-robotics-2025"
        && p["level"] == if p["id"].as_str().unwrap().ends_with("-CITY") { "city" } else { "province" }));
    assert_eq!(lines[1]["totals"].as_array().unwrap().len(), 2);
}

#[test]
fn rules_adds_a_pack_whose_programmes_a_company_in_its_city_gets() {
    let out = estimate(
        &["-", "--as-of", "2026-03-01", "--lang", "en", "--format", "json", "--rules", TESTVILLE],
        YUNFU,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packs: Vec<&str> =
        json["packs"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(packs, ["guangdong-ai-robotics-2025", "testville-2026"]);
    let programme =
        |id: &str| json["programmes"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let amount = |id: &str| (programme(id)["verdict"].clone(), programme(id)["amount"].clone());
    let eligible = serde_json::json!("eligible");
    // Founded 2025-01-01, under 2 years before the as-of date: 20% instead of 10%;
    // 20% × ¥40,000 = ¥8,000, under the ¥10,000 cap.
    assert_eq!(
        amount("TV-RATE"),
        (eligible.clone(), serde_json::json!({"kind": "rule_based", "yuan": "8000"}))
    );
    assert_eq!(programme("TV-RATE")["pack"], "testville-2026");
    assert_eq!(programme("TV-RATE")["level"], "city");
    // 4 robots × ¥10,000 = ¥40,000, capped to ¥30,000.
    assert_eq!(
        amount("TV-ITEM"),
        (eligible.clone(), serde_json::json!({"kind": "rule_based", "yuan": "30000"}))
    );
    // The high band's tier.
    assert_eq!(
        amount("TV-TIERS"),
        (eligible.clone(), serde_json::json!({"kind": "rule_based", "yuan": "10000"}))
    );
    // ¥40,000 is below the ¥100,000 case-by-case threshold.
    assert_eq!(amount("TV-NONE"), (eligible.clone(), serde_json::json!({"kind": "per_separate_rules"})));
    // Competitive: 50% × ¥40,000 = ¥20,000, capped to ¥10,000, a ceiling.
    assert_eq!(amount("TV-COMPETE"), (eligible, serde_json::json!({"kind": "ceiling", "yuan": "10000"})));
    let city = json["totals"].as_array().unwrap().iter().find(|t| t["level"] == "city").unwrap().clone();
    // Rule-based: 8,000 + 30,000 + 10,000; the competitive ceiling apart.
    assert_eq!(city["rule_based"], "48000");
    assert_eq!(city["competitive_ceilings"], "10000");
    assert_eq!(city["eligible"], 5);

    // The text report lists them under the city level.
    let out = estimate(&["-", "--as-of", "2026-03-01", "--lang", "en", "--rules", TESTVILLE], YUNFU);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("[TV-RATE] City Test rate award — Eligible — ¥8,000"), "{stdout}");
    assert!(stdout.contains("City rule-based: ¥48,000   competitive ceilings: ¥10,000"), "{stdout}");

    // Without the pack, its questions are not profile fields.
    let out = estimate(&["-", "--as-of", "2026-03-01", "--lang", "en"], YUNFU);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("testville.flag: is not a profile field"), "{}", text(&out.stderr));
}

#[test]
fn a_broken_pack_exits_2_naming_the_file_and_the_place() {
    let dir = std::env::temp_dir().join(format!("estimate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let testville = std::fs::read_to_string(format!("{}/{TESTVILLE}", env!("CARGO_MANIFEST_DIR"))).unwrap();

    // A misspelt key: refused when the file is read, with the path to it.
    let typo = dir.join("typo.json");
    std::fs::write(&typo, testville.replacen(r#""cap": "30000""#, r#""cpa": "30000""#, 1)).unwrap();
    let typo = typo.to_str().unwrap();
    let out = estimate(&["-", "--rules", typo], YUNFU);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(typo), "{stderr}");
    assert!(stderr.contains("programmes[1].formula.per_item.cpa"), "{stderr}");
    assert!(out.stdout.is_empty());

    // A question no pack declares: refused when the packs are linked, naming the file and the
    // place in the pack. The batch refuses it before reading any line.
    let unlinked = dir.join("unlinked.json");
    std::fs::write(
        &unlinked,
        testville.replacen(r#""field": "testville.flag""#, r#""field": "testville.flagg""#, 1),
    )
    .unwrap();
    let unlinked = unlinked.to_str().unwrap();
    let out = estimate(&["--batch", "--rules", TESTVILLE, "--rules", unlinked], format!("{YUNFU}\n"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(unlinked), "{stderr}");
    assert!(stderr.contains("programme TV-RATE condition flag"), "{stderr}");
    assert!(stderr.contains("\"testville.flagg\""), "{stderr}");
    assert!(out.stdout.is_empty());

    // Not JSON, and no such file.
    let syntax = dir.join("syntax.json");
    std::fs::write(&syntax, "{\"schema\": 1,").unwrap();
    let out = estimate(&["-", "--rules", syntax.to_str().unwrap()], YUNFU);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(syntax.to_str().unwrap()), "{}", text(&out.stderr));
    let out = estimate(&["-", "--rules", "no-such-pack.json"], YUNFU);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-pack.json"), "{}", text(&out.stderr));
    let out = estimate(&["-", "--rules"], YUNFU);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--rules needs a value"), "{}", text(&out.stderr));

    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_pack_that_applies_is_evaluated() {
    // A Shenzhen company gets the provincial programmes and those of the built-in Shenzhen pack,
    // each named with its pack and level; a Huizhou company (no city pack) only the provincial ones.
    let shenzhen: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/shenzhen.json")).unwrap(),
    )
    .unwrap();
    let input = concat!(
        r#"{"format_version": 2, "topics": [], "answers": {"company.city": "shenzhen"}}"#,
        "\n",
        r#"{"format_version": 2, "topics": [], "answers": {"company.city": "huizhou"}}"#,
        "\n"
    );
    let out = estimate(&["--batch", "--as-of", "2026-03-01"], input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let packs = |record: &serde_json::Value| {
        let mut packs: Vec<(String, String)> = record["programmes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["pack"].as_str().unwrap().to_string(), p["level"].as_str().unwrap().to_string()))
            .collect();
        packs.dedup();
        packs
    };
    let province = ("guangdong-ai-robotics-2025".to_string(), "province".to_string());
    // The provincial pack's city award lines (here not applicable) are at city level.
    let city_awards = ("guangdong-ai-robotics-2025".to_string(), "city".to_string());
    assert_eq!(
        packs(&lines[0]),
        [
            province.clone(),
            city_awards.clone(),
            (shenzhen["id"].as_str().unwrap().to_string(), "city".to_string())
        ]
    );
    let levels: Vec<&str> =
        lines[0]["totals"].as_array().unwrap().iter().map(|t| t["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["province", "city"]);
    assert_eq!(packs(&lines[1]), [province, city_awards]);
    // Not applicable, they bring no city totals to the Huizhou company.
    assert_eq!(lines[1]["totals"].as_array().unwrap().len(), 1);
}

#[test]
fn every_example_profile_of_format_1_is_still_read() {
    // The worked examples w01–w12 are version 1 files (newer examples are version 2).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && one_line(n).contains(r#""format_version": 1"#))
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    let input: String = names.iter().map(|n| one_line(n) + "\n").collect();
    let out = estimate(&["--batch", "--as-of", "2026-03-01"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), names.len());
    for (name, record) in names.iter().zip(stdout.lines()) {
        assert!(!record.contains(r#""errors""#), "{name}: {record}");
    }
    // And one at a time, as a user runs them.
    for name in &names {
        let out = estimate(&[&format!("profiles/{name}"), "--as-of", "2026-03-01"], "");
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
    }
}

/// A benchmark project whose investment is known only roughly (¥2,000,000 – ¥3,000,000), and an
/// innovation centre whose software cost is not given.
const ROUGH: &str = r#"{"format_version": 2, "topics": ["benchmark_project", "innovation_centre"], "answers": {"company.city": "huizhou", "company.registered_in_guangdong": true, "company.ai_robotics_field": true, "benchmark_project.applicant_type": "manufacturer", "benchmark_project.start_date": "2023-03-01", "benchmark_project.completion_date": "2025-05-31", "benchmark_project.investment": {"low": "2000000", "high": "3000000"}, "benchmark_project.in_guangdong": true, "benchmark_project.independent_legal_person": true, "benchmark_project.compliance_clean": true, "benchmark_project.quantified_results": true, "innovation_centre.level": "national", "innovation_centre.approval_year": 2025, "innovation_centre.operating": true, "innovation_centre.equipment_cost": "95500000"}}"#;

#[test]
fn ranges_in_a_profile_file_give_bands_in_json_text_and_batch_records() {
    let out = estimate(&["-", "--as-of", "2026-03-01", "--lang", "en", "--format", "json"], ROUGH);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let programme =
        |id: &str| json["programmes"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let p3 = programme("P3");
    assert_eq!(
        p3["amount"],
        serde_json::json!({"kind": "ceiling_band", "yuan": {"low": "600000", "high": "900000"}})
    );
    assert_eq!(p3["amount_label"], "a ceiling of ¥600,000 – ¥900,000");
    let p1 = programme("P1");
    assert_eq!(p1["verdict"], "undetermined");
    assert_eq!(
        p1["amount"],
        serde_json::json!({"kind": "band", "yuan": {"low": "38200000", "high": "50000000"}})
    );
    assert_eq!(
        json["totals"][0]["competitive_ceilings"],
        serde_json::json!({"low": "600000", "high": "900000"})
    );
    assert_eq!(json["ranges"][0]["field"], "benchmark_project.investment");

    let out = estimate(&["-", "--as-of", "2026-03-01", "--lang", "en"], ROUGH);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("a ceiling of ¥600,000 – ¥900,000"), "{stdout}");
    assert!(stdout.contains("if eligible: at least ¥38,200,000, up to ¥50,000,000"), "{stdout}");

    let out = estimate(&["--batch", "--as-of", "2026-03-01"], format!("{ROUGH}\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let record: serde_json::Value = serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    let p3 = record["programmes"].as_array().unwrap().iter().find(|p| p["id"] == "P3").unwrap();
    assert_eq!(
        p3["amount"],
        serde_json::json!({"kind": "ceiling_band", "yuan": {"low": "600000", "high": "900000"}})
    );
    assert_eq!(
        record["totals"][0]["competitive_ceilings"],
        serde_json::json!({"low": "600000", "high": "900000"})
    );
}

#[test]
fn a_reversed_range_in_a_profile_file_exits_2_naming_the_field() {
    let bad =
        ROUGH.replace(r#"{"low": "2000000", "high": "3000000"}"#, r#"{"low": "3000000", "high": "2000000"}"#);
    let out = estimate(&["-", "--as-of", "2026-03-01", "--lang", "en"], bad);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("the range's low end is above its high end"), "{stderr}");
    assert!(stderr.contains("investment"), "{stderr}");
}

#[test]
fn a_profile_file_of_the_page_brings_its_as_of_date_and_says_when_its_rules_differ() {
    let file = std::fs::read_to_string(format!(
        "{}/profiles/w01-provincial-innovation-centre.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let library = subsidy_engine::Library::builtin();
    let profile = subsidy_engine::Profile::from_json(library, &file).unwrap();
    let as_of = subsidy_engine::Date::parse("2026-03-01").unwrap();
    let saved = subsidy_engine::fingerprint::file_json(&profile, library, as_of);
    let out = estimate(&["-", "--lang", "en"], &saved);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(&format!("Fingerprint: {}\n", w01_fingerprint())));
    assert_eq!(text(&out.stderr), "");
    let older = saved.replace("\"guangdong-ai-robotics-2025\":\"", "\"guangdong-ai-robotics-2025\":\"0.");
    let out = estimate(&["-", "--lang", "en"], &older);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("so another fingerprint than its sheet's: guangdong-ai-robotics-2025 0."),
        "{stderr}"
    );
    // --as-of still wins.
    let out = estimate(&["-", "--as-of", "2026-03-02", "--format", "json"], &saved);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["as_of"], "2026-03-02");
    assert_ne!(json["fingerprint"], w01_fingerprint().as_str());
}

#[test]
fn audit_reports_on_the_built_in_packs_and_exits_0_with_findings() {
    let out = estimate(&["audit", "--as-of", "2026-12-07"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for heading in [
        "Documents ending within 90 days of 2026-12-07 (",
        "Programmes whose bases have ended by 2026-12-07 (",
        "Reviews older than 180 days on 2026-12-07 (",
        "Facts still marked weak or our reading (",
        "Citations not verified against the official text (",
        "Readings the page shows (",
    ] {
        assert!(stdout.lines().any(|l| l.starts_with(heading)), "no heading {heading:?} in\n{stdout}");
    }
    // The Shenzhen measures end ten days later: a finding, and still exit 0.
    assert!(
        stdout.contains(
            "  shenzhen-ai-2024 document sz_ai_2024 (深工信规〔2024〕13号) ends 2026-12-17, in 10 days\n"
        ),
        "{stdout}"
    );
    assert!(stdout.lines().last().is_some_and(|l| l.starts_with("Summary: 1 document ending, ")), "{stdout}");
}

#[test]
fn audit_as_json_is_the_audit_serialised() {
    let out = estimate(&["audit", "--as-of", "2026-12-07", "--format", "json"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["as_of"], "2026-12-07");
    assert_eq!(json["ending"][0]["document"], "sz_ai_2024");
    for section in ["ending", "ended", "stale", "weak", "unverified", "readings"] {
        assert!(json[section].is_array(), "{section}: {json}");
    }
}

#[test]
fn audit_reads_added_packs() {
    // Testville's rules end on 2026-12-31 and nothing carries its programmes after.
    let out = estimate(&["audit", "--as-of", "2026-12-07", "--rules", TESTVILLE], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout
        .contains("  testville-2026 document tv_rules (测试规〔2026〕1号) ends 2026-12-31, in 24 days\n"));
    assert!(
        stdout.contains("    programme TV-RATE: nothing carries it afterwards; not recurring\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  testville-2026 programme TV-NONE: inferred (our reading)\n"), "{stdout}");
}

#[test]
fn audit_exits_2_on_bad_usage_or_a_bad_pack() {
    let cases: [(&[&str], &str); 5] = [
        (&["audit", "--as-of", "2026-02-30"], "--as-of: \"2026-02-30\" is not a date"),
        (&["audit", "--format", "xml"], "--format: \"xml\" is not text or json"),
        (&["audit", "--as-of"], "--as-of needs a value"),
        (&["audit", "profiles/w01-provincial-innovation-centre.json"], "audit reads no profile"),
        (
            &["audit", "--rules", "tests/packs/no-such-pack.json"],
            "tests/packs/no-such-pack.json: cannot read the pack",
        ),
    ];
    for (args, message) in cases {
        let out = estimate(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    // Bad usage prints the usage, which names the audit in both languages.
    let stderr = text(&estimate(&["audit", "--lang", "en"], "").stderr);
    assert!(stderr.contains("unknown option --lang"), "{stderr}");
    assert!(
        stderr.contains("estimate audit [--as-of YYYY-MM-DD]") && stderr.contains("审核：estimate audit"),
        "{stderr}"
    );
}
