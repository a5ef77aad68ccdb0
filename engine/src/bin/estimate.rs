//! `estimate`: the engine on the command line, for one profile or a batch of them.
//!
//! estimate PROFILE.json [--as-of YYYY-MM-DD] [--lang zh|en] [--format text|json] [--rules PACK.json]…
//! estimate --batch [--as-of YYYY-MM-DD] [--lang zh|en] [--rules PACK.json]… < profiles.jsonl > records.jsonl
//! estimate audit [--as-of YYYY-MM-DD] [--format text|json] [--rules PACK.json]…
//!
//! Every pack that applies to the company is evaluated: the province's, its city's, its district's.
//! `--rules` adds a pack file to the built-in ones (a pack with the id of a built-in one replaces
//! it), checked as the built-in packs are: engine/docs/pack-format.md.
//!
//! A single profile gives the whole report (text, or the full view as JSON). A batch gives one
//! small JSON record per input line, for screening many companies: engine/docs/batch-format.md.
//! `audit` is the maintainers' report on the packs themselves (`estimate/audit.rs`).
//!
//! Exit status: 0 on success, 2 on bad input, a bad pack or bad usage (with a message naming the
//! field, or the pack file and the place in it).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};
use subsidy_engine::fields::Field;
use subsidy_engine::fingerprint;
use subsidy_engine::input::ProfileError;
use subsidy_engine::report::{
    Amount, Checked, MissingInput, NearMiss, Note, Outcome, Report, Status, Totals, Verdict, Warning,
};
use subsidy_engine::rules::{read_pack, Level, PackSource};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang, Library, Profile};

// Beside this file, not in src/bin/ itself, where cargo would take it for a binary of its own.
#[path = "estimate/audit.rs"]
mod audit;

const USAGE: &str = "usage: estimate PROFILE.json [--as-of YYYY-MM-DD] [--lang zh|en] [--format text|json] [--rules PACK.json]...
       estimate --batch [--as-of YYYY-MM-DD] [--lang zh|en] [--rules PACK.json]...   (JSON Lines on stdin, one JSON record per line on stdout)
       estimate audit [--as-of YYYY-MM-DD] [--format text|json] [--rules PACK.json]...   (for maintainers: documents ending, reviews overdue, facts weakly sourced)
       --rules PACK.json   add a policy pack to the built-in ones (repeatable; a pack with a built-in pack's id replaces it)
用法：estimate 档案.json [--as-of 日期] [--lang zh|en] [--format text|json] [--rules 规则包.json]…
      批量：estimate --batch [--as-of 日期] [--lang zh|en] [--rules 规则包.json]… < 档案.jsonl
      审核：estimate audit [--as-of 日期] [--format text|json] [--rules 规则包.json]…   （维护者用：即将到期的文件、久未核对的规则包、依据不足的内容）
      --rules 规则包.json   在内置规则包之外加载一个规则包（可重复；与内置规则包同 id 时替换之）";

struct Options {
    profile: Option<String>,
    as_of: Date,
    /// `--as-of` was given; else a profile file's own as-of date (the page writes it) is used.
    as_of_given: bool,
    lang: Lang,
    json: bool,
    batch: bool,
    /// Pack files to add to the built-in packs, in the order given.
    rules: Vec<String>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.next_if(|first| first == "audit").is_some() {
        return audit::run(args);
    }
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = load_library(&options.rules, options.lang).and_then(|extended| {
        let library = extended.as_ref().unwrap_or_else(|| Library::builtin());
        if options.batch {
            batch(&options, library)
        } else {
            single(&options, library)
        }
    });
    exit_code(result)
}

/// Success, or the message on standard error and exit status 2 (bad input, a bad pack).
fn exit_code(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        profile: None,
        as_of: today_in_china(),
        as_of_given: false,
        lang: Lang::Zh,
        json: false,
        batch: false,
        rules: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value =
            |name: &str| args.next().ok_or_else(|| format!("{name} needs a value / {name} 缺少取值"));
        match arg.as_str() {
            "--as-of" => {
                options.as_of_given = true;
                options.as_of = as_of(&value("--as-of")?)?;
            }
            "--lang" => {
                let text = value("--lang")?;
                options.lang = match text.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    _ => return Err(format!("--lang: {text:?} is not zh or en / 只能是 zh 或 en")),
                };
            }
            "--format" => options.json = is_json(&value("--format")?)?,
            "--rules" => options.rules.push(value("--rules")?),
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

/// The value of `--as-of`.
fn as_of(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|_| format!("--as-of: {text:?} is not a date YYYY-MM-DD / 不是有效日期"))
}

/// Whether `--format` asks for JSON.
fn is_json(format: &str) -> Result<bool, String> {
    match format {
        "json" => Ok(true),
        "text" => Ok(false),
        other => Err(format!("--format: {other:?} is not text or json / 只能是 text 或 json")),
    }
}

/// The built-in packs with the `--rules` files added, read, linked and checked as the built-in
/// packs are; `None` when there are no such files (the built-in library is then used as it is).
/// An error names the file, and the place in it or the pack and the place in the pack.
fn load_library(rules: &[String], lang: Lang) -> Result<Option<Library>, String> {
    if rules.is_empty() {
        return Ok(None);
    }
    let mut packs = Vec::with_capacity(rules.len());
    for path in rules {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: {} ({e})", lang.pick("无法读取规则包", "cannot read the pack")))?;
        packs.push(read_pack(&PackSource { name: path, text: &text }).map_err(|e| e.to_string())?);
    }
    // Linking and checking see the packs together: say which file holds which pack.
    let files: Vec<String> =
        rules.iter().zip(&packs).map(|(path, pack)| format!("{path} (pack {})", pack.id)).collect();
    Library::builtin().with_packs(packs).map(Some).map_err(|e| format!("{}: {e}", files.join(", ")))
}

/// "Today" where the policy applies: China Standard Time (UTC+8), so that a run at 07:00 in
/// Guangzhou does not use yesterday's date.
fn today_in_china() -> Date {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let days = (seconds + 8 * 3600).div_euclid(86_400);
    Date::from_days_since_epoch(days)
        .unwrap_or_else(|| Date::new(2026, 1, 1).unwrap_or_else(|| unreachable!()))
}

fn single(options: &Options, library: &Library) -> Result<(), String> {
    let lang = options.lang;
    let path = options.profile.as_deref().unwrap_or("-");
    let mut text = String::new();
    let read = if path == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map_err(|e| format!("{path}: {} ({e})", lang.pick("无法读取", "cannot read")))?;
    let profile =
        Profile::from_json(library, &text).map_err(|errors| describe(path, &errors, library, lang))?;
    // A file the page exported says which as-of date and rule versions its sheet had.
    let saved = fingerprint::Saved::from_text(&text);
    let as_of = saved.as_of.filter(|_| !options.as_of_given).unwrap_or(options.as_of);
    let report = evaluate(&profile, library, as_of).map_err(|e| match e {
        EvalError::Invalid(errors) => describe(path, &errors, library, lang),
        EvalError::Overflow { programme } => {
            format!("{path}: {} {programme}", lang.pick("计算溢出：", "arithmetic overflow in"))
        }
    })?;
    let view = ReportView::new(&report, &profile, lang);
    // The sheet's fingerprint, so that a printed sheet can be checked here.
    let fingerprint = seal::fingerprint(&fingerprint::canonical(&profile, library, as_of));
    for (id, then, now) in saved.differences(library, &profile, as_of) {
        let (then, now) = (then.as_deref().unwrap_or("-"), now.as_deref().unwrap_or("-"));
        let why = lang.pick(
            "规则版本与档案保存时不同，指纹因此与原表不同",
            "other rule versions than the profile's, so another fingerprint than its sheet's",
        );
        eprintln!("{path}: {why}: {id} {then} → {now}");
    }
    let output = if options.json {
        let mut json = serde_json::to_value(&view).map_err(|e| e.to_string())?;
        json["fingerprint"] = fingerprint.into();
        serde_json::to_string_pretty(&json).map_err(|e| e.to_string())? + "\n"
    } else {
        let label = lang.pick("指纹", "Fingerprint");
        format!("{}{label}: {fingerprint}\n", subsidy_engine::text::render_text(&view))
    };
    io::stdout().write_all(output.as_bytes()).map_err(|e| e.to_string())
}

fn describe(path: &str, errors: &[ProfileError], library: &Library, lang: Lang) -> String {
    let lines: Vec<String> = errors.iter().map(|e| format!("{path}: {}", e.message(library, lang))).collect();
    lines.join("\n")
}

/// The batch record of a profile that was evaluated: verdicts, amounts and what is missing, no
/// prose (engine/docs/batch-format.md). The prose is the same on every line; one profile's full
/// report is `estimate PROFILE --format json`.
#[derive(Serialize)]
struct BatchRecord<'a, 'r> {
    line: usize,
    /// The same on every line: written once for the batch.
    as_of: &'a str,
    /// One entry per level that has programmes, province first.
    totals: &'a [Totals],
    programmes: ProgrammeRecords<'a, 'r>,
    /// Inputs still missing, the most valuable first.
    #[serde(skip_serializing_if = "FieldsOf::is_empty")]
    missing: FieldsOf<'a, MissingInput<'r>>,
    #[serde(skip_serializing_if = "Warnings::is_empty")]
    warnings: Warnings<'a>,
}

#[derive(Serialize)]
struct ProgrammeRecord<'a> {
    id: &'a str,
    /// The id of the pack the programme belongs to, and its level.
    pack: &'a str,
    level: Level,
    verdict: Verdict,
    amount: Amount,
    /// The question the amount assumed, when it was not answered and a published figure (a city's
    /// award) was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    prefilled: Option<&'a str>,
    #[serde(skip_serializing_if = "FieldsOf::is_empty")]
    missing: FieldsOf<'a, Field>,
    #[serde(skip_serializing_if = "ConditionIds::is_empty")]
    not_met: ConditionIds<'a>,
    #[serde(skip_serializing_if = "ConditionIds::is_empty")]
    assumed: ConditionIds<'a>,
    #[serde(skip_serializing_if = "FieldsOf::is_empty")]
    near_misses: FieldsOf<'a, NearMiss>,
}

impl<'a, 'r> BatchRecord<'a, 'r> {
    fn new(line: usize, as_of: &'a str, report: &'a Report<'r>) -> BatchRecord<'a, 'r> {
        let library = report.library;
        BatchRecord {
            line,
            as_of,
            totals: &report.totals,
            programmes: ProgrammeRecords(library, &report.outcomes),
            missing: FieldsOf(library, &report.missing, |m| m.field),
            warnings: Warnings(library, &report.warnings),
        }
    }
}

// The lists of a record are written straight from the report, without collecting them first.

/// One `ProgrammeRecord` per outcome, as a JSON array.
struct ProgrammeRecords<'a, 'r>(&'a Library, &'a [Outcome<'r>]);

impl Serialize for ProgrammeRecords<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.1.iter().map(|o| ProgrammeRecord::new(self.0, o)))
    }
}

/// The fields of one of the report's lists (missing inputs, near misses), as a JSON array of
/// question ids.
struct FieldsOf<'a, T>(&'a Library, &'a [T], fn(&T) -> Field);

impl<T> FieldsOf<'_, T> {
    fn is_empty(&self) -> bool {
        self.1.is_empty()
    }
}

impl<T> Serialize for FieldsOf<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.1.iter().map(|item| self.0.question((self.2)(item)).id.as_str()))
    }
}

impl<'a> ProgrammeRecord<'a> {
    fn new(library: &'a Library, outcome: &'a Outcome<'_>) -> ProgrammeRecord<'a> {
        ProgrammeRecord {
            id: &outcome.programme.id,
            pack: &outcome.pack.id,
            level: outcome.level,
            verdict: outcome.verdict,
            amount: outcome.amount,
            prefilled: prefilled(outcome),
            missing: FieldsOf(library, &outcome.missing, |field| *field),
            not_met: ConditionIds(&outcome.conditions, Status::NotMet),
            assumed: ConditionIds(&outcome.conditions, Status::Assumed),
            near_misses: FieldsOf(library, &outcome.hints, |hint| hint.field),
        }
    }
}

/// The question whose unanswered value was taken from a published figure, if the amount rests
/// on one.
fn prefilled<'a>(outcome: &Outcome<'a>) -> Option<&'a str> {
    outcome.amount.yuan()?;
    outcome.notes.iter().find_map(|note| match note {
        Note::Prefilled(prefill) => Some(prefill.field.id.as_str()),
        _ => None,
    })
}

/// The ids of the conditions with one status, written as a JSON array without collecting them.
struct ConditionIds<'a>(&'a [Checked<'a>], Status);

impl ConditionIds<'_> {
    fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter(|c| c.status == self.1).map(|c| c.condition.id.as_str())
    }

    fn is_empty(&self) -> bool {
        self.ids().next().is_none()
    }
}

impl Serialize for ConditionIds<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.ids())
    }
}

/// The report's warnings, each with its kind and its question id.
struct Warnings<'a>(&'a Library, &'a [Warning]);

impl Warnings<'_> {
    fn is_empty(&self) -> bool {
        self.1.is_empty()
    }
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum WarningRecord<'a> {
    FutureYear {
        field: &'a str,
        year: i32,
    },
    FutureDate {
        field: &'a str,
        date: Date,
    },
    /// A credit code whose registering division disagrees with the registration answer.
    CreditCodeDivision {
        field: &'a str,
    },
    CityAwardAboveCap {
        field: &'a str,
        cap: Decimal,
    },
}

impl Serialize for Warnings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let id = |field: &Field| self.0.question(*field).id.as_str();
        serializer.collect_seq(self.1.iter().map(|warning| match warning {
            Warning::FutureYear { field, year } => {
                WarningRecord::FutureYear { field: id(field), year: *year }
            }
            Warning::FutureDate { field, date } => {
                WarningRecord::FutureDate { field: id(field), date: *date }
            }
            Warning::Division { field } => WarningRecord::CreditCodeDivision { field: id(field) },
            Warning::CityAwardAboveCap { field, cap } => {
                WarningRecord::CityAwardAboveCap { field: id(field), cap: *cap }
            }
        }))
    }
}

/// The batch record of a line that could not be evaluated.
#[derive(Serialize)]
struct BatchErrors {
    line: usize,
    errors: Vec<BatchError>,
}

#[derive(Serialize)]
struct BatchError {
    /// The question id, or the place in the line that is not a question; empty for the line as a
    /// whole.
    field: String,
    message: String,
}

/// Input a worker takes at a time (some 200 profiles): large enough that handing it over costs
/// little, small enough that the output starts flowing at once.
const CHUNK_BYTES: usize = 128 * 1024;

/// Whole lines of the input, in one buffer: the reading thread allocates nothing per line, and
/// nothing it allocates is freed line by line by another thread (both cost more than reading).
struct Chunk {
    /// The number of the chunk's first line in the input, from 1.
    first_line: usize,
    text: String,
}

/// One JSON record per input line; a bad line becomes an error record and the rest go on.
///
/// The input is read here in chunks of whole lines, evaluated by one worker per core, and written by
/// one writer thread in input order: the output is the same as one thread would write, only sooner.
fn batch(options: &Options, library: &Library) -> Result<(), String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let as_of = options.as_of.to_string();
    let as_of = as_of.as_str();
    // (chunk number, chunk) to the workers; (chunk number, JSON Lines) back.
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Chunk)>(workers * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(workers * 2);
    // Shared by the workers and dropped with the last of them, so that reading stops if they stop.
    let work_rx = Arc::new(Mutex::new(work_rx));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (work_rx, done_tx) = (Arc::clone(&work_rx), done_tx.clone());
            scope.spawn(move || loop {
                // A poisoned lock means another worker panicked: stop taking work.
                let Ok(Ok((number, chunk))) = work_rx.lock().map(|rx| rx.recv()) else { break };
                // A record is a little longer than its profile.
                let mut out = Vec::with_capacity(chunk.text.len() * 2);
                for (offset, line) in chunk.text.lines().enumerate() {
                    if !line.trim().is_empty() {
                        batch_line(&mut out, chunk.first_line + offset, line, as_of, options, library);
                    }
                }
                if done_tx.send((number, out)).is_err() {
                    break;
                }
            });
        }
        drop((done_tx, work_rx));
        let writer = scope.spawn(move || -> Result<(), String> {
            let mut out = io::stdout().lock();
            let mut next = 0;
            let mut waiting = BTreeMap::new();
            for (chunk, bytes) in done_rx {
                waiting.insert(chunk, bytes);
                while let Some(bytes) = waiting.remove(&next) {
                    out.write_all(&bytes).map_err(|e| e.to_string())?;
                    next += 1;
                }
            }
            out.flush().map_err(|e| e.to_string())
        });
        let read = read_chunks(&work_tx);
        drop(work_tx);
        let written = writer.join().unwrap_or_else(|_| Err("the writer thread failed".into()));
        // A read error is reported after the lines read before it are written.
        read.and(written)
    })
}

/// Reads stdin into numbered chunks of whole lines and hands them to the workers. On a read error
/// or a line that is not UTF-8, the lines before it are still handed over, then the error returned.
fn read_chunks(work_tx: &mpsc::SyncSender<(usize, Chunk)>) -> Result<(), String> {
    let mut stdin = io::stdin().lock();
    let (mut sent, mut first_line) = (0, 1);
    // The start of a line whose end is not read yet.
    let mut partial = Vec::new();
    loop {
        let mut bytes = std::mem::take(&mut partial);
        let read = (&mut stdin).take(CHUNK_BYTES as u64).read_to_end(&mut bytes);
        let after_last_newline = |bytes: &[u8]| bytes.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let (at_end, whole, mut error) = match read {
            Ok(n) if n < CHUNK_BYTES => (true, bytes.len(), None),
            Ok(_) => (false, after_last_newline(&bytes), None),
            Err(e) => (true, after_last_newline(&bytes), Some(format!("stdin: {e}"))),
        };
        partial = bytes.split_off(whole);
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                // The lines before the one that is not UTF-8 go on; the message is `BufRead::lines`'s.
                error = Some("stdin: stream did not contain valid UTF-8".into());
                let valid = e.utf8_error().valid_up_to();
                let mut bytes = e.into_bytes();
                bytes.truncate(after_last_newline(&bytes[..valid]));
                String::from_utf8(bytes).unwrap_or_default()
            }
        };
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        if !text.is_empty() {
            if work_tx.send((sent, Chunk { first_line, text })).is_err() {
                // The workers have stopped: the writer failed and says why.
                return Ok(());
            }
            sent += 1;
        }
        first_line += lines;
        if let Some(message) = error {
            return Err(message);
        }
        if at_end {
            return Ok(());
        }
    }
}

/// Evaluates one line and appends its record (result or errors) and a newline to `out`. `as_of` is
/// `options.as_of` written out.
fn batch_line(
    out: &mut Vec<u8>,
    number: usize,
    line: &str,
    as_of: &str,
    options: &Options,
    library: &Library,
) {
    let lang = options.lang;
    let errors = |errors: &[ProfileError]| batch_errors(number, errors, library, lang);
    // Writing plain data into memory cannot fail.
    let _ = match Profile::from_json(library, line) {
        Err(problems) => serde_json::to_writer(&mut *out, &errors(&problems)),
        Ok(profile) => match evaluate(&profile, library, options.as_of) {
            Ok(report) => serde_json::to_writer(&mut *out, &BatchRecord::new(number, as_of, &report)),
            Err(EvalError::Invalid(problems)) => serde_json::to_writer(&mut *out, &errors(&problems)),
            Err(EvalError::Overflow { .. }) => serde_json::to_writer(&mut *out, &errors(&[])),
        },
    };
    out.push(b'\n');
}

/// The error record: each problem with its question id (or its place in the line) and a message
/// in `lang`; no problems means the arithmetic overflowed.
fn batch_errors(line: usize, errors: &[ProfileError], library: &Library, lang: Lang) -> BatchErrors {
    let errors = if errors.is_empty() {
        vec![BatchError {
            field: String::new(),
            message: lang.pick("计算溢出", "arithmetic overflow").into(),
        }]
    } else {
        errors
            .iter()
            .map(|e| BatchError { field: e.path(library), message: e.message(library, lang) })
            .collect()
    };
    BatchErrors { line, errors }
}
