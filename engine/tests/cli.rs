//! The `estimate` command line, run as a user would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn estimate(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_estimate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
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
fn batch_writes_one_report_per_line_and_an_error_record_for_a_bad_line() {
    let w3 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/w03-guangzhou-little-giant.json"
    ))
    .unwrap()
    .replace('\n', "");
    let input = format!(
        "{w3}\nnot json\n\n{{\"format_version\": 1, \"open_source\": {{\"active_users\": -1}}}}\n{w3}\n"
    );
    let out = estimate(&["--batch", "--as-of", "2026-03-01", "--lang", "en"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["report"]["totals"]["rule_based"], "1000000");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["errors"][0]["message"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["errors"][0]["field"], "open_source.active_users");
    assert_eq!(lines[3]["line"], 5);
    assert!(lines[3]["report"].is_object());
}
