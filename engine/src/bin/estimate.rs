//! `estimate`: the engine on the command line, for one profile or a batch of them.
//!
//! estimate PROFILE.json [--as-of YYYY-MM-DD] [--lang zh|en] [--format text|json]
//! estimate --batch [--as-of YYYY-MM-DD] [--lang zh|en] < profiles.jsonl > reports.jsonl
//!
//! Exit status: 0 on success, 2 on bad input or usage (with a message naming the field).

use serde::Serialize;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use subsidy_engine::input::ProfileError;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang, Profile, RuleSet};

const USAGE: &str = "usage: estimate PROFILE.json [--as-of YYYY-MM-DD] [--lang zh|en] [--format text|json]
       estimate --batch [--as-of YYYY-MM-DD] [--lang zh|en]   (JSON Lines on stdin, one JSON report per line on stdout)
用法：estimate 档案.json [--as-of 日期] [--lang zh|en] [--format text|json]；批量：estimate --batch < 档案.jsonl";

struct Options {
    profile: Option<String>,
    as_of: Date,
    lang: Lang,
    json: bool,
    batch: bool,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let rules = RuleSet::guangdong_2025();
    let result = if options.batch { batch(&options, rules) } else { single(&options, rules) };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options =
        Options { profile: None, as_of: today_in_china(), lang: Lang::Zh, json: false, batch: false };
    while let Some(arg) = args.next() {
        let mut value =
            |name: &str| args.next().ok_or_else(|| format!("{name} needs a value / {name} 缺少取值"));
        match arg.as_str() {
            "--as-of" => {
                let text = value("--as-of")?;
                options.as_of = Date::parse(&text)
                    .map_err(|_| format!("--as-of: {text:?} is not a date YYYY-MM-DD / 不是有效日期"))?;
            }
            "--lang" => {
                let text = value("--lang")?;
                options.lang = match text.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    _ => return Err(format!("--lang: {text:?} is not zh or en / 只能是 zh 或 en")),
                };
            }
            "--format" => {
                options.json = match value("--format")?.as_str() {
                    "json" => true,
                    "text" => false,
                    other => {
                        return Err(format!("--format: {other:?} is not text or json / 只能是 text 或 json"))
                    }
                };
            }
            "--batch" => options.batch = true,
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg} / 未知选项 {arg}")),
            _ if options.profile.is_none() => options.profile = Some(arg),
            _ => return Err(format!("one profile at a time: {arg} / 一次只读一个档案")),
        }
    }
    if options.batch == options.profile.is_some() {
        return Err("give a PROFILE file, or --batch / 请给出档案文件，或使用 --batch".into());
    }
    Ok(options)
}

/// "Today" where the policy applies: China Standard Time (UTC+8), so that a run at 07:00 in
/// Guangzhou does not use yesterday's date.
fn today_in_china() -> Date {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let days = (seconds + 8 * 3600).div_euclid(86_400);
    Date::from_days_since_epoch(days)
        .unwrap_or_else(|| Date::new(2026, 1, 1).unwrap_or_else(|| unreachable!()))
}

fn single(options: &Options, rules: &RuleSet) -> Result<(), String> {
    let lang = options.lang;
    let path = options.profile.as_deref().unwrap_or("-");
    let mut text = String::new();
    let read = if path == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map_err(|e| format!("{path}: {} ({e})", lang.pick("无法读取", "cannot read")))?;
    let profile = Profile::from_json(&text).map_err(|errors| describe(path, &errors, lang))?;
    let report = evaluate(&profile, rules, options.as_of).map_err(|e| match e {
        EvalError::Invalid(errors) => describe(path, &errors, lang),
        EvalError::Overflow { programme } => {
            format!("{path}: {} {programme}", lang.pick("计算溢出：", "arithmetic overflow in"))
        }
    })?;
    let view = ReportView::new(&report, &profile, lang);
    let output = if options.json {
        serde_json::to_string_pretty(&view).map_err(|e| e.to_string())? + "\n"
    } else {
        subsidy_engine::text::render_text(&view)
    };
    io::stdout().write_all(output.as_bytes()).map_err(|e| e.to_string())
}

fn describe(path: &str, errors: &[ProfileError], lang: Lang) -> String {
    let lines: Vec<String> = errors.iter().map(|e| format!("{path}: {}", e.message(lang))).collect();
    lines.join("\n")
}

#[derive(Serialize)]
struct BatchLine<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a ReportView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<BatchError>,
}

#[derive(Serialize)]
struct BatchError {
    field: String,
    message: String,
}

/// One JSON report per input line; a bad line becomes an error record and the rest go on.
fn batch(options: &Options, rules: &RuleSet) -> Result<(), String> {
    let lang = options.lang;
    let stdin = io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    for (index, line) in stdin.lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let result =
            Profile::from_json(&line).and_then(|profile| match evaluate(&profile, rules, options.as_of) {
                Ok(report) => Ok(ReportView::new(&report, &profile, lang)),
                Err(EvalError::Invalid(errors)) => Err(errors),
                Err(EvalError::Overflow { .. }) => Err(Vec::new()),
            });
        let record = match &result {
            Ok(view) => BatchLine { line: index + 1, report: Some(view), errors: Vec::new() },
            Err(errors) => BatchLine {
                line: index + 1,
                report: None,
                errors: if errors.is_empty() {
                    vec![BatchError {
                        field: String::new(),
                        message: lang.pick("计算溢出", "arithmetic overflow").into(),
                    }]
                } else {
                    errors.iter().map(|e| BatchError { field: e.path(), message: e.message(lang) }).collect()
                },
            },
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
