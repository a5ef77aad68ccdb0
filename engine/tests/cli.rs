//! The `estimate` command line, run as a user would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn estimate(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_estimate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_ref()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn prints_the_worked_example_in_chinese_by_default() {
    let out = estimate(&["profiles/w01-provincial-innovation-centre.json", "--as-of", "2026-03-01"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("[P1] 制造业创新中心能力建设 — 符合 — 7,200,000 元"), "{stdout}");
    assert!(stdout.contains("40% × 18,000,000 元 = 7,200,000 元"), "{stdout}");
    assert!(stdout.contains("测算基准日: 2026-03-01"), "{stdout}");
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
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p3 = json["programmes"].as_array().unwrap().iter().find(|p| p["id"] == "P3").unwrap();
    assert_eq!(p3["verdict"], "eligible");
    assert_eq!(p3["amount"], serde_json::json!({"kind": "ceiling", "yuan": "3600000"}));
    assert_eq!(p3["amount_label"], "up to ¥3,600,000");
    assert_eq!(json["totals"]["competitive_ceilings"], "3600000");
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
    assert!(text(&out.stderr).contains("所在地市：“hongkong”不是广东省 21 个地级以上市"));

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
    let w3 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/w03-guangzhou-little-giant.json"
    ))
    .unwrap()
    .replace('\n', "");
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

    // A machine record: totals, and per programme its verdict and amount, no prose.
    let record = &lines[0];
    assert_eq!(record["line"], 1);
    assert_eq!(record["as_of"], "2026-03-01");
    assert_eq!(
        record["totals"],
        serde_json::json!({"rule_based": "1000000", "competitive_ceilings": "0", "eligible": 1, "undetermined": 0})
    );
    let programmes = record["programmes"].as_array().unwrap();
    let ids: Vec<&str> = programmes.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["P1", "P2-LG", "P2-SC", "P3", "P4", "P5"]);
    assert_eq!(
        programmes[1],
        serde_json::json!({"id": "P2-LG", "verdict": "eligible", "amount": {"kind": "rule_based", "yuan": "1000000"}})
    );
    assert_eq!(
        programmes[0],
        serde_json::json!({"id": "P1", "verdict": "not_applicable", "amount": {"kind": "none"}})
    );
    assert!(stdout.lines().next().unwrap().len() < 1_000, "{stdout}");

    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["errors"][0]["message"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["errors"][0]["field"], "open_source.active_users");
    assert!(lines[2]["errors"][0]["message"].as_str().unwrap().starts_with("Active users: "));

    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["programmes"][1]["prefilled"], "little_giant.city_award");
    assert_eq!(lines[3]["programmes"][1]["amount"]["yuan"], "1000000");
}

#[test]
fn batch_numbers_and_orders_the_lines_of_a_long_input_read_in_chunks() {
    let w3 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/w03-guangzhou-little-giant.json"
    ))
    .unwrap()
    .replace('\n', "");
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
