//! `estimate audit`: the maintainers' report on the packs (engine/src/audit.rs) on a day: documents
//! ending soon and what carries their programmes after, programmes whose bases have all ended,
//! reviews overdue, facts weakly sourced.
//!
//! It is a report, not a check: findings exit 0, so that CI can print it without failing on
//! them. Bad usage or a bad pack exits 2, as the rest of the command line does.

use super::{as_of, exit_code, is_json, load_library, today_in_china, USAGE};
use std::io::{self, Write};
use std::process::ExitCode;
use subsidy_engine::{Lang, Library};

struct Options {
    as_of: subsidy_engine::Date,
    json: bool,
    rules: Vec<String>,
}

/// Runs the audit on the arguments after `audit`.
pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // The report is in English (its readers edit the packs), so are its load errors.
    exit_code(load_library(&options.rules, Lang::En).and_then(|extended| {
        let library = extended.as_ref().unwrap_or_else(|| Library::builtin());
        print(&options, library)
    }))
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options { as_of: today_in_china(), json: false, rules: Vec::new() };
    while let Some(arg) = args.next() {
        let mut value =
            |name: &str| args.next().ok_or_else(|| format!("{name} needs a value / {name} 缺少取值"));
        match arg.as_str() {
            "--as-of" => options.as_of = as_of(&value("--as-of")?)?,
            "--format" => options.json = is_json(&value("--format")?)?,
            "--rules" => options.rules.push(value("--rules")?),
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg} / 未知选项 {arg}")),
            _ => return Err(format!("audit reads no profile: {arg} / 审核不读档案")),
        }
    }
    Ok(options)
}

fn print(options: &Options, library: &Library) -> Result<(), String> {
    let audit = subsidy_engine::audit(library, options.as_of);
    let output = if options.json {
        serde_json::to_string_pretty(&audit).map_err(|e| e.to_string())? + "\n"
    } else {
        subsidy_engine::audit::render_text(&audit)
    };
    io::stdout().write_all(output.as_bytes()).map_err(|e| e.to_string())
}
