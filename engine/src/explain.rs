//! Words for the report, in the reader's language. Every sentence the estimator says about money is
//! written here once, with the user's own numbers filled in. Each message is a `match` on the
//! language, so a message without its Chinese or its English does not compile.

use crate::date::Date;
use crate::fields::{Field, FieldKind};
use crate::lang::Lang;
use crate::money::{compare, format_rate, format_yuan, group_digits};
use crate::profile::{Profile, Value};
use crate::report::*;
use crate::rules::{Cap, CapRule, Citation, Confidence, Formula, Level, Library, OverlapKind, Pack, Test};
use rust_decimal::Decimal;

pub fn verdict_label(verdict: Verdict, competitive: bool, lang: Lang) -> &'static str {
    match (verdict, competitive) {
        (Verdict::Eligible, false) => lang.pick("符合", "Eligible"),
        (Verdict::Eligible, true) => lang.pick("符合·竞争性", "Eligible · competitive"),
        (Verdict::NotEligible, _) => lang.pick("不符合", "Not eligible"),
        (Verdict::Undetermined, _) => lang.pick("待定：缺少信息", "Undetermined: information missing"),
        (Verdict::NotApplicable, _) => lang.pick("不适用（未填写）", "Not applicable (not filled in)"),
        (Verdict::Depends, _) => lang.pick("待定：取决于实际数值", "Depends on where your figures fall"),
    }
}

/// A limit across programmes that cut an amount, for the verdict.
#[derive(Debug, Clone, Copy)]
pub enum Limit<'r> {
    Ceiling(&'r crate::rules::CombinedCeiling),
    CompanyCap(&'r crate::rules::CompanyCap),
}

/// "Eligible, ¥0 after the 50% ceiling": a programme a limit across programmes left nothing.
pub fn cut_to_zero_label(limit: Limit<'_>, lang: Lang) -> String {
    match (limit, lang) {
        (Limit::Ceiling(c), Lang::Zh) => format!("符合，受 {} 合计上限限制后为 0 元", format_rate(c.rate)),
        (Limit::Ceiling(c), Lang::En) => format!("Eligible, ¥0 after the {} ceiling", format_rate(c.rate)),
        (Limit::CompanyCap(c), Lang::Zh) => {
            format!("符合，受每年合计上限 {} 限制后为 0 元", format_yuan(c.cap, lang))
        }
        (Limit::CompanyCap(c), Lang::En) => {
            format!("Eligible, ¥0 after the {} yearly cap", format_yuan(c.cap, lang))
        }
    }
}

/// One level's answer in a plain sentence, from its totals: what the rules give, what competitive
/// programmes may add if selected, and how many programmes wait for information.
pub fn answer_text(t: &Totals, place: &str, lang: Lang) -> String {
    let (rb, cc) = (band_text(t.rule_based, lang), band_text(t.competitive_ceilings, lang));
    let (some_rb, some_cc) = (t.rule_based != Band::ZERO, t.competitive_ceilings != Band::ZERO);
    let main = match (some_rb, some_cc, lang) {
        (true, true, Lang::Zh) => format!("{place}：按规则可得 {rb}，另有竞争性项目最高 {cc}（须择优）。"),
        (true, false, Lang::Zh) => format!("{place}：按规则可得 {rb}。"),
        (false, true, Lang::Zh) => format!("{place}：按规则暂无金额，竞争性项目最高 {cc}（须择优）。"),
        // Eligible, but a limit left nothing; waiting for information; or nothing applies.
        (false, false, Lang::Zh) if t.eligible > 0 => format!("{place}：按规则可得 {rb}。"),
        (false, false, Lang::Zh) if t.undetermined > 0 => format!("{place}：暂无可确定的金额。"),
        (false, false, Lang::Zh) => format!("{place}：按目前的填写，没有适用的项目。"),
        (true, true, Lang::En) => {
            format!("From {place}: {rb} by the rules, and up to {cc} more if selected.")
        }
        (true, false, Lang::En) => format!("From {place}: {rb} by the rules."),
        (false, true, Lang::En) => format!("From {place}: nothing by the rules yet, up to {cc} if selected."),
        (false, false, Lang::En) if t.eligible > 0 => format!("From {place}: {rb} by the rules."),
        (false, false, Lang::En) if t.undetermined > 0 => {
            format!("From {place}: nothing that can be worked out yet.")
        }
        (false, false, Lang::En) => format!("From {place}: no programme applies on these answers."),
    };
    let n = t.undetermined;
    let waiting = match (n, lang) {
        (0, _) => String::new(),
        (n, Lang::Zh) => format!("另有 {n} 个项目待补充信息或取决于实际数值。"),
        (1, Lang::En) => " One more programme waits for information or depends on your figures.".to_string(),
        (n, Lang::En) => format!(" {n} more programmes wait for information or depend on your figures."),
    };
    main + &waiting
}

/// A band as a reader says it: one figure when both ends agree, `up to ¥8,000,000` from nothing,
/// `at least ¥600,000` with no upper bound, else `¥600,000 – ¥900,000`.
pub fn band_text(band: Band, lang: Lang) -> String {
    let y = |amount: Decimal| format_yuan(amount, lang);
    match (band.single(), band.high) {
        (Some(one), _) => y(one),
        (None, None) => match lang {
            Lang::Zh => format!("至少 {}", y(band.low)),
            Lang::En => format!("at least {}", y(band.low)),
        },
        (None, Some(high)) if band.low.is_zero() => match lang {
            Lang::Zh => format!("最高 {}", y(high)),
            Lang::En => format!("up to {}", y(high)),
        },
        (None, Some(high)) => range_text(y(band.low), y(high)),
    }
}

pub fn amount_label(amount: &Amount, lang: Lang) -> String {
    match amount {
        Amount::None => "—".into(),
        Amount::RuleBased(y) => format_yuan(*y, lang),
        Amount::Ceiling(y) => match lang {
            Lang::Zh => format!("≤ {}", format_yuan(*y, lang)),
            Lang::En => format!("up to {}", format_yuan(*y, lang)),
        },
        Amount::CaseByCase => lang.pick("一事一议", "case by case (一事一议)").into(),
        Amount::PerSeparateRules => lang.pick("按配套规则另定", "per separate matching rules").into(),
        Amount::Band(band) => band_text(*band, lang),
        Amount::CeilingBand(band) => match (lang, band.low.is_zero()) {
            // "≤ up to" would say it twice.
            (Lang::Zh, true) => format!("≤ {}", band.high.map_or_else(String::new, |h| format_yuan(h, lang))),
            (Lang::En, true) => band_text(*band, lang),
            (Lang::Zh, false) => format!("上限 {}", band_text(*band, lang)),
            (Lang::En, false) => format!("a ceiling of {}", band_text(*band, lang)),
        },
    }
}

pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::Unknown | Status::Assumed | Status::Depends => "?",
    }
}

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Met => lang.pick("符合", "met"),
        Status::NotMet => lang.pick("不符合", "not met"),
        Status::Unknown => lang.pick("未填写", "not answered"),
        Status::Assumed => lang.pick("未填写，请确认", "not answered: please confirm"),
        Status::Depends => lang.pick("取决于实际数值", "depends on the figure"),
    }
}

/// A field's value as the user would write it: `12,000,000 元`, `是`, `2025-05-31`, `省级`.
pub fn value_text(library: &Library, field: Field, value: Value<'_>, lang: Lang) -> String {
    match value {
        Value::Unknown => lang.pick("未填写", "not given").into(),
        Value::Bool(b) => lang.pick(if b { "是" } else { "否" }, if b { "yes" } else { "no" }).into(),
        Value::Count(n) => group_digits(Decimal::from(n)),
        Value::Money(m) => format_yuan(m, lang),
        Value::Year(y) => y.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Choice(id) => library.question(field).choice(id).map_or(id, |c| c.label.get(lang)).into(),
        Value::Text(t) => t.into(),
        Value::CreditCode(c) => c.to_string(),
        Value::Range { low, high } => match library.kind(field) {
            FieldKind::Money => range_text(format_yuan(low, lang), format_yuan(high, lang)),
            _ => range_text(group_digits(low), group_digits(high)),
        },
    }
}

/// `¥2,000,000 – ¥3,000,000`: the two ends of a range as a reader writes them.
/// A combined ceiling as the steps name it: `50% × ¥10,000,000 = ¥5,000,000, the most all support
/// on “…” may give together`.
fn ceiling_text(
    library: &Library,
    on: Field,
    rate: Decimal,
    base: Decimal,
    limit: Decimal,
    lang: Lang,
) -> String {
    let (on, rate) = (library.question(on).label.get(lang), format_rate(rate));
    let (base, limit) = (format_yuan(base, lang), format_yuan(limit, lang));
    match lang {
        Lang::Zh => format!("{rate} × {base} = {limit}（按“{on}”计的各项支持合计上限）"),
        Lang::En => format!("{rate} × {base} = {limit}, the most all support on “{on}” may give together"),
    }
}

pub fn range_text(low: String, high: String) -> String {
    [low.as_str(), " – ", high.as_str()].concat()
}

/// `粤府办〔2025〕6号 第二条（培育优质企业）*`; the star marks an article number not yet checked
/// against the official text.
pub fn citation_text(citation: &Citation, pack: &Pack, lang: Lang) -> String {
    let number = pack.document(&citation.document).map_or("", |d| d.name(lang));
    let star = if citation.verified { "" } else { "*" };
    let (article, topic) = (citation.article.get(lang), citation.topic.get(lang));
    let [after_number, before_topic, after_topic] = match lang {
        Lang::Zh => [" ", "（", "）"],
        Lang::En => [", ", " (", ")"],
    };
    // One allocation (a report shows some forty citations).
    [number, after_number, article, before_topic, topic, after_topic, star].concat()
}

/// `粤府办〔2025〕6号 第二条*`: the citation without its topic, for the summary table.
pub fn citation_short(citation: &Citation, pack: &Pack, lang: Lang) -> String {
    let number = pack.document(&citation.document).map_or("", |d| d.name(lang));
    let star = if citation.verified { "" } else { "*" };
    match lang {
        Lang::Zh => format!("{number} {}{star}", citation.article.zh),
        Lang::En => format!("{number}, {}{star}", citation.article.en),
    }
}

pub fn unverified_legend(lang: Lang) -> &'static str {
    lang.pick(
        "* 条次或章节据新闻摘要，尚未与正式文本核对。",
        "* Article number taken from summaries, not yet checked against the official text.",
    )
}

pub fn step_text(step: &Step, library: &Library, profile: &Profile, lang: Lang) -> String {
    let y = |amount: Decimal| format_yuan(amount, lang);
    let label = |f: Field| library.question(f).label.get(lang);
    match step {
        Step::Base { parts, total } => {
            let sum: Vec<String> = parts.iter().map(|(f, m)| format!("{} {}", label(*f), y(*m))).collect();
            format!("{} = {}", sum.join(" + "), y(*total))
        }
        Step::Rate { rate, base, result } => format!("{} × {} = {}", format_rate(*rate), y(*base), y(*result)),
        Step::Cap { cap, reached, result, choice, period } => {
            // In English the level reads inside a sentence: "the ¥10,000,000 cap (provincial)".
            let level = choice.map(|f| value_text(library, f, profile.get(f), lang).to_ascii_lowercase()).unwrap_or_default();
            // A cap that changes on a date says which period's cap it is.
            let period = period.map(|(from, to)| period_words(from, to, lang));
            match (lang, reached, period) {
                (Lang::Zh, false, None) => format!("未达到{level}上限 {}", y(*cap)),
                (Lang::Zh, true, None) => format!("超过{level}上限，按上限计 {}", y(*result)),
                (Lang::Zh, false, Some(p)) => format!("未达到{p}适用的上限 {}", y(*cap)),
                (Lang::Zh, true, Some(p)) => format!("超过{p}适用的上限，按上限计 {}", y(*result)),
                (Lang::En, false, None) => format!("the {} cap{} is not reached", y(*cap), paren(level)),
                (Lang::En, true, None) => format!("capped to {}{}", y(*result), paren(level)),
                (Lang::En, false, Some(p)) => format!("the {} cap (in force {p}) is not reached", y(*cap)),
                (Lang::En, true, Some(p)) => format!("capped to {} (the cap in force {p})", y(*result)),
            }
        }
        Step::Rounded { exact, result } => match lang {
            Lang::Zh => format!("按分向下取整：{} → {}", exact.normalize(), y(*result)),
            Lang::En => format!("cut down to the fen: {} → {}", exact.normalize(), y(*result)),
        },
        Step::Match { award, ratio, product } => match lang {
            Lang::Zh => format!("市级奖励 {} × {}:1 = {}", y(*award), ratio.normalize(), y(*product)),
            Lang::En => format!("city award {} × {}:1 = {}", y(*award), ratio.normalize(), y(*product)),
        },
        Step::MatchLimit { rule, total_cap, limit, result } => match (rule, lang) {
            (CapRule::HalfOfTotalCap, Lang::Zh) => format!(
                "奖励总额度 {}（市+省），省级配套至多一半即 {}：省级配套 {}",
                y(*total_cap),
                y(*limit),
                y(*result)
            ),
            (CapRule::HalfOfTotalCap, Lang::En) => format!(
                "total award cap {} (city + province): the provincial match is at most half, {}; match {}",
                y(*total_cap),
                y(*limit),
                y(*result)
            ),
            (CapRule::StrictTotal, Lang::Zh) => format!(
                "奖励总额度 {} 减去市级奖励后余 {}：省级配套 {}",
                y(*total_cap),
                y(*limit),
                y(*result)
            ),
            (CapRule::StrictTotal, Lang::En) => format!(
                "total award cap {} less the city award leaves {}; match {}",
                y(*total_cap),
                y(*limit),
                y(*result)
            ),
            (CapRule::ProvincialPartOnly, Lang::Zh) => {
                format!("上限 {} 仅限制省级部分：省级配套 {}", y(*total_cap), y(*result))
            }
            (CapRule::ProvincialPartOnly, Lang::En) => {
                format!("the {} cap bounds the provincial part only; match {}", y(*total_cap), y(*result))
            }
        },
        Step::CityPlusProvince { city, province, total } => match lang {
            Lang::Zh => format!("市级 {} + 省级 {} = {}", y(*city), y(*province), y(*total)),
            Lang::En => format!("city {} + province {} = {}", y(*city), y(*province), y(*total)),
        },
        Step::CityAward { field, low, high, assumed } => {
            let amount = if compare(*low, *high).is_eq() { y(*low) } else { range_text(y(*low), y(*high)) };
            match (assumed, lang) {
                (false, Lang::Zh) => format!("{}：{amount}（所填）", label(*field)),
                (false, Lang::En) => format!("{}, as you entered it: {amount}", label(*field)),
                (true, Lang::Zh) => format!("{}未填写：按公开标准假设为 {amount}", label(*field)),
                (true, Lang::En) => format!("{} not entered: {amount} assumed, the published figure", label(*field)),
            }
        }
        Step::PerItem { count, amount, product } => match lang {
            Lang::Zh => format!("{count} 项 × 每项 {} = {}", y(*amount), y(*product)),
            Lang::En => format!("{count} × {} each = {}", y(*amount), y(*product)),
        },
        Step::CombinedCeiling { on, base, rate, limit, counted, before, after } => {
            let reached = compare(*after, *before).is_lt();
            let ceiling = ceiling_text(library, *on, *rate, *base, *limit, lang);
            let (counted, before, after) = (y(*counted), y(*before), y(*after));
            match (lang, reached) {
                (Lang::Zh, true) => format!("{counted} + {before} 将超过 {ceiling}：本项为 {after}"),
                (Lang::Zh, false) => format!("{counted} + {before} 未超过 {ceiling}：本项为 {after}"),
                (Lang::En, true) => format!("{counted} + {before} would exceed {ceiling}: this programme gives {after}"),
                (Lang::En, false) => format!("{counted} + {before} is within {ceiling}: this programme gives {after}"),
            }
        }
        Step::CountedFirst { on, base, rate, limit, own } => {
            let above = compare(*own, *limit).is_gt();
            let ceiling = ceiling_text(library, *on, *rate, *base, *limit, lang);
            let own = y(*own);
            match (lang, above) {
                (Lang::Zh, true) => {
                    format!("本项单独为 {own}，已超过 {ceiling}：本项优先计算，按其自身文件的比例保留 {own}")
                }
                (Lang::Zh, false) => format!("本项单独为 {own}，未超过 {ceiling}：本项优先计算，保留 {own}"),
                (Lang::En, true) => format!(
                    "this programme alone gives {own}, more than {ceiling}: counted first, it keeps {own} at its own document's rate"
                ),
                (Lang::En, false) => {
                    format!("this programme alone gives {own}, within {ceiling}: counted first, it keeps {own}")
                }
            }
        }
        Step::CompanyCap { cap, others, before, after } => {
            let reached = compare(*after, *before).is_lt();
            match (lang, reached) {
                (Lang::Zh, true) => format!(
                    "每家企业每年合计最高 {}：此前计入的项目已计 {}，本项 {} 调整为 {}",
                    y(*cap),
                    y(*others),
                    y(*before),
                    y(*after)
                ),
                (Lang::Zh, false) => format!(
                    "每家企业每年合计最高 {}：此前计入的项目已计 {}，本项 {} 未超出",
                    y(*cap),
                    y(*others),
                    y(*before)
                ),
                (Lang::En, true) => format!(
                    "at most {} a year per company in all: {} from the programmes counted before it, so {} becomes {}",
                    y(*cap),
                    y(*others),
                    y(*before),
                    y(*after)
                ),
                (Lang::En, false) => format!(
                    "at most {} a year per company in all: {} from the programmes counted before it, and {} fits within it",
                    y(*cap),
                    y(*others),
                    y(*before)
                ),
            }
        }
        Step::Input { field, low, high } => {
            let number = |d: Decimal| match library.kind(*field) {
                FieldKind::Money => y(d),
                _ => group_digits(d),
            };
            match (high, lang) {
                (Some(h), Lang::Zh) => format!("{}：所填范围 {}", label(*field), range_text(number(*low), number(*h))),
                (Some(h), Lang::En) => format!("{}: your range {}", label(*field), range_text(number(*low), number(*h))),
                (None, Lang::Zh) => format!("{}：未填写，下限按 0 计，上限不定", label(*field)),
                (None, Lang::En) => format!("{}: not given, counted as 0 at the low end, unbounded at the high end", label(*field)),
            }
        }
        Step::End { high: false } => lang.pick("下限：", "Low end:").to_string(),
        Step::End { high: true } => lang.pick("上限：", "High end:").to_string(),
        Step::UpToCap { cap, more, missing } => match lang {
            Lang::Zh => format!("“{}”未填写：至多再增加 {}，达到上限 {}", label(*missing), y(*more), y(*cap)),
            Lang::En => format!(
                "{} not given: it would add up to {} more before the {} cap",
                label(*missing),
                y(*more),
                y(*cap)
            ),
        },
        Step::NoTier { field } => {
            let answer = value_text(library, *field, profile.get(*field), lang);
            match lang {
                Lang::Zh => format!("所填档次“{answer}”在规则中没有对应金额：不计金额"),
                Lang::En => format!("the tier given, “{answer}”, has no amount in the rules: no amount"),
            }
        }
        Step::Fixed { amount } => match lang {
            Lang::Zh => format!("定额，最高 {}", y(*amount)),
            Lang::En => format!("a fixed amount of at most {}", y(*amount)),
        },
        Step::Tier { amount, chosen: true } => match lang {
            Lang::Zh => format!("按所填档次，上限 {}", y(*amount)),
            Lang::En => format!("the tier given has a ceiling of {}", y(*amount)),
        },
        Step::Tier { amount, chosen: false } => match lang {
            Lang::Zh => format!("档次未定：按最高档，上限 {}", y(*amount)),
            Lang::En => format!("tier not known: the highest tier's ceiling, {}", y(*amount)),
        },
        Step::CaseByCase { field, estimate, threshold } => match lang {
            Lang::Zh => format!(
                "{} {}，达到 {}（含）以上：按“一事一议”研究支持，没有公式金额",
                label(*field),
                y(*estimate),
                y(*threshold)
            ),
            Lang::En => format!(
                "{} {} is {} or more: decided case by case (一事一议), no formula amount",
                label(*field).to_ascii_lowercase(),
                y(*estimate),
                y(*threshold)
            ),
        },
        Step::PerSeparateRules { field, estimate: Some(e), threshold } => match lang {
            Lang::Zh => format!("{} {}，低于 {}：按配套规则另定，文件未给出比例", label(*field), y(*e), y(*threshold)),
            Lang::En => format!(
                "{} {} is below {}: set by the separate matching rules; the documents give no ratio",
                label(*field).to_ascii_lowercase(),
                y(*e),
                y(*threshold)
            ),
        },
        Step::PerSeparateRules { estimate: None, threshold, .. } => match lang {
            Lang::Zh => format!(
                "文件未给出配套比例，按配套规则另定；单个项目达 {}（含）以上的按“一事一议”",
                y(*threshold)
            ),
            Lang::En => format!(
                "the documents give no matching ratio: set by the separate matching rules; {} or more for one project is decided case by case",
                y(*threshold)
            ),
        },
    }
}

/// A period of a dated cap as a phrase: `2026-06-28以前` / `up to 2026-06-28`, `2026-06-29起` /
/// `from 2026-06-29`.
fn period_words(from: Option<Date>, to: Option<Date>, lang: Lang) -> String {
    match (from, to, lang) {
        (Some(f), Some(t), Lang::Zh) => format!("{f}至{t}"),
        (Some(f), Some(t), Lang::En) => format!("from {f} to {t}"),
        (None, Some(t), Lang::Zh) => format!("{t}以前"),
        (None, Some(t), Lang::En) => format!("up to {t}"),
        (Some(f), None, Lang::Zh) => format!("{f}起"),
        (Some(f), None, Lang::En) => format!("from {f}"),
        (None, None, Lang::Zh) => "全期".to_string(),
        (None, None, Lang::En) => "throughout".to_string(),
    }
}

fn paren(text: String) -> String {
    if text.is_empty() {
        text
    } else {
        format!(" ({text})")
    }
}

pub fn note_text(note: &Note<'_>, outcome: &Outcome<'_>, report: &Report<'_>, lang: Lang) -> String {
    let y = |amount: Decimal| format_yuan(amount, lang);
    let b = |band: Band| band_text(band, lang);
    match note {
        Note::Competitive(c) => match lang {
            Lang::Zh => format!("竞争性项目：{}；金额为上限，须择优评审。", c.quota.zh),
            Lang::En => format!("Competitive: {}; the amount is a ceiling, subject to ranking.", c.quota.en),
        },
        Note::Reading(r) => match lang {
            Lang::Zh => format!("解读：{} 另一种解读：{}", r.taken.zh, r.alternative.zh),
            Lang::En => format!("Reading taken: {} Other reading: {}", r.taken.en, r.alternative.en),
        },
        Note::CapReadings { taken, others } => {
            let alternatives: Vec<String> = others
                .iter()
                .map(|(r, amount)| match lang {
                    Lang::Zh => format!("按“{}”为 {}", r.text.zh, b(*amount)),
                    Lang::En => format!("reading \"{}\" would give {}", r.text.en, b(*amount)),
                })
                .collect();
            match lang {
                Lang::Zh => format!(
                    "“奖励总额度”的含义文件未明确。本表按“{}”计算；另{}。",
                    taken.text.zh,
                    alternatives.join("；")
                ),
                Lang::En => format!(
                    "The documents do not say what the \"total award\" covers. This estimate reads it as: {}. The {}.",
                    taken.text.en,
                    alternatives.join("; the ")
                ),
            }
        }
        Note::Published(prefill) => {
            let number = report.library.prefill_document(prefill).map_or("", |d| d.name(lang));
            let conditions = payment_conditions(prefill, lang);
            match lang {
                Lang::Zh => {
                    format!("所在地市公布的标准为 {}（《{number}》）。{conditions}", y(prefill.amount))
                }
                Lang::En => {
                    format!("Your city's published figure is {} ({number}).{conditions}", y(prefill.amount))
                }
            }
        }
        Note::Prefilled(prefill) => {
            let number = report.library.prefill_document(prefill).map_or("", |d| d.name(lang));
            let label = report.library.question(prefill.field.field).label.get(lang);
            let conditions = payment_conditions(prefill, lang);
            match lang {
                Lang::Zh => format!("假设：{label}未填写，按《{number}》预填 {}（公开标准，可修改）。{conditions}", y(prefill.amount)),
                Lang::En => format!(
                    "Assumption: {label} was not entered; {} is pre-filled from {number} (the published figure; you can override it).{conditions}",
                    y(prefill.amount)
                ),
            }
        }
        Note::NotInForce { document, would_have_been, renewal_unseen, next } => {
            let period = period_text(document, lang);
            let would = match would_have_been.band() {
                Some(_) => match lang {
                    Lang::Zh => {
                        format!("若文件有效，按规则为 {}（仅供参考）。", amount_label(would_have_been, lang))
                    }
                    Lang::En => format!(
                        "Were it in force, the rules would give {} (information only).",
                        amount_label(would_have_been, lang)
                    ),
                },
                None => String::new(),
            };
            let end = document.in_force.and_then(|p| p.to).map(|d| d.to_string()).unwrap_or_default();
            let office = outcome.programme.apply.office.get(lang);
            // A later basis already known: the programme resumes under it.
            let resumes = match (next, lang) {
                (Some(n), Lang::Zh) => format!(
                    "本项目将自 {} 起依据{}恢复。",
                    n.in_force.map(|p| p.from.to_string()).unwrap_or_default(),
                    document_title(n, lang)
                ),
                (Some(n), Lang::En) => format!(
                    "The programme resumes under {} from {}. ",
                    document_title(n, lang),
                    n.in_force.map(|p| p.from.to_string()).unwrap_or_default()
                ),
                (None, _) => String::new(),
            };
            let would = format!("{resumes}{would}");
            match (renewal_unseen, lang) {
                (Some(reviewed), Lang::Zh) => format!(
                    "不符合：《{}》已于 {end} 失效，未发现延续本项目的后续文件（规则核对于 {reviewed}）；请向{office}咨询是否安排新一轮申报。{would}",
                    document.name(lang)
                ),
                (Some(reviewed), Lang::En) => format!(
                    "Not eligible: {} ended on {end} and no later document for this programme was found (rules reviewed on {reviewed}): ask {office} whether a new round is planned. {would}",
                    document.name(lang)
                ),
                (None, Lang::Zh) => format!(
                    "不符合：测算基准日 {} 不在《{}》有效期（{period}）内，文件未生效或已失效。{would}",
                    report.as_of, document.name(lang)
                ),
                (None, Lang::En) => format!(
                    "Not eligible: the as-of date {} is outside the period of force of {} ({period}): the document is not in force. {would}",
                    report.as_of, document.name(lang)
                ),
            }
        }
        Note::Lapses { document, days, continues } => {
            let end = document.in_force.and_then(|p| p.to).map(|d| d.to_string()).unwrap_or_default();
            match (continues, lang) {
                (None, Lang::Zh) => format!("注意：《{}》于 {end} 到期（距测算基准日 {days} 天），到期后如未延续则不再适用。", document.name(lang)),
                (None, Lang::En) => format!(
                    "Note: {} lapses on {end} ({days} days after the as-of date); unless renewed it no longer applies after that.",
                    document.name(lang)
                ),
                (Some(next), Lang::Zh) => format!(
                    "注意：《{}》于 {end} 到期（距测算基准日 {days} 天）；此后本项目依据{}继续（{}）。",
                    document.name(lang),
                    document_title(next, lang),
                    until_text(next, lang)
                ),
                (Some(next), Lang::En) => format!(
                    "Note: {} lapses on {end} ({days} days after the as-of date); the programme continues under {} ({}).",
                    document.name(lang),
                    document_title(next, lang),
                    until_text(next, lang)
                ),
            }
        }
        Note::Continues { ended, under, reading } => {
            let end = ended.in_force.and_then(|p| p.to).map(|d| d.to_string()).unwrap_or_default();
            let (title, until) = (document_title(under, lang), until_text(under, lang));
            let gives = match (outcome.amount.band(), lang) {
                (Some(_), Lang::Zh) => format!("，按此为 {}", amount_label(&outcome.amount, lang)),
                (Some(_), Lang::En) => format!(", which gives {}", amount_label(&outcome.amount, lang)),
                (None, _) => String::new(),
            };
            let source = confidence_label(crate::force::basis_confidence(outcome.programme, under), lang);
            match (reading, lang) {
                (false, Lang::Zh) => format!("《{}》已于 {end} 失效；本项目依据{title}继续（{until}）。", ended.name(lang)),
                (false, Lang::En) => {
                    format!("{} ended on {end}; the programme continues under {title} ({until}).", ended.name(lang))
                }
                (true, Lang::Zh) => format!(
                    "《{}》已于 {end} 失效。解读：本项目依据{title}继续（{until}；来源：{source}）{gives}。另一种解读：本项目随《{}》失效，为 0 元。",
                    ended.name(lang), ended.name(lang)
                ),
                (true, Lang::En) => format!(
                    "{} ended on {end}. Reading taken: the programme continues under {title} ({until}; source: {source}){gives}. Other reading: it lapsed with {}, which gives nothing.",
                    ended.name(lang), ended.name(lang)
                ),
            }
        }
        Note::EndUnknown(document) => match lang {
            Lang::Zh => format!("《{}》的有效期截止日期未见公布，请向主管部门确认。", document.name(lang)),
            Lang::En => format!(
                "No end of force has been published for {}: confirm with the issuing office.",
                document.name(lang)
            ),
        },
        Note::RateApplies(r) => match lang {
            Lang::Zh => format!("适用 {}：{}。", format_rate(r.rate), r.text.zh),
            Lang::En => format!("{} applies: {}.", format_rate(r.rate), r.text.en),
        },
        Note::RateIfCondition { rate, amount, below } => {
            let end = if *below { lang.pick("上限", "high") } else { lang.pick("下限", "low") };
            match lang {
                Lang::Zh => format!(
                    "区间{end}按基本比例计算；如属“{}”，按 {} 为 {}。",
                    rate.text.zh,
                    format_rate(rate.rate),
                    b(*amount)
                ),
                Lang::En => format!(
                    "The {end} end uses the basic rate; if {}, {} gives {}.",
                    rate.text.en,
                    format_rate(rate.rate),
                    b(*amount)
                ),
            }
        }
        Note::Alternative { alternative, amount } => match lang {
            Lang::Zh => format!("另一种解读：{}，按此为 {}。", alternative.text.zh, b(*amount)),
            Lang::En => format!("Other reading: {}; it would give {}.", alternative.text.en, b(*amount)),
        },
        Note::CapApplies(c) => match lang {
            Lang::Zh => format!("适用上限 {}：{}。", y(c.cap), c.text.zh),
            Lang::En => format!("The {} cap applies: {}.", y(c.cap), c.text.en),
        },
        Note::CapIfCondition { cap, amount, below } => {
            let end = if *below { lang.pick("上限", "high") } else { lang.pick("下限", "low") };
            match lang {
                Lang::Zh => format!(
                    "区间{end}按基本上限计算；如属“{}”，上限为 {}，金额为 {}。",
                    cap.text.zh,
                    y(cap.cap),
                    b(*amount)
                ),
                Lang::En => format!(
                    "The {end} end uses the basic cap; if {}, the cap is {} and the amount {}.",
                    cap.text.en,
                    y(cap.cap),
                    b(*amount)
                ),
            }
        }
        Note::CapPeriod(period) => match &period.note {
            Some(note) => match period.confidence {
                Some(c) => format!("{}{}", note.get(lang), confidence_suffix(c, lang)),
                None => note.get(lang).to_string(),
            },
            None => String::new(),
        },
        Note::CombinedCeiling { ceiling, assumed, without, base_unknown } => {
            let assumed = ceiling_assumed(ceiling, *assumed, report, lang);
            let base = report.library.question(ceiling.base.field).label.get(lang);
            let unknown = match (base_unknown, lang) {
                (true, Lang::Zh) => format!("{base}未填写，无法计算上限内的金额。"),
                (true, Lang::En) => {
                    format!("{base} not given: the amount within the ceiling cannot be worked out yet. ")
                }
                (false, _) => String::new(),
            };
            match lang {
                Lang::Zh => format!(
                    "{}。{assumed}{unknown}另一种解读：{}，按此为 {}。{}",
                    ceiling.text.zh,
                    ceiling.alternative.zh,
                    b(*without),
                    confidence_suffix(ceiling.confidence, lang)
                ),
                Lang::En => format!(
                    "{}. {assumed}{unknown}Other reading: {}; it would give {}.{}",
                    ceiling.text.en,
                    ceiling.alternative.en,
                    b(*without),
                    confidence_suffix(ceiling.confidence, lang)
                ),
            }
        }
        Note::AboveCeiling { ceiling, assumed, limit, cut } => {
            let assumed = ceiling_assumed(ceiling, *assumed, report, lang);
            let on = report.library.question(ceiling.base.field).label.get(lang);
            let rate = format_rate(ceiling.rate);
            // The programmes counted after it, as the report shows them.
            let later: Vec<&str> = ceiling
                .programmes
                .iter()
                .skip(1)
                .filter_map(|r| report.library.programme_at(r))
                .filter(|(_, p)| report.outcomes.iter().any(|o| std::ptr::eq(o.programme, *p)))
                .map(|(_, p)| p.title.get(lang))
                .collect();
            let later = match (later.is_empty(), lang) {
                (true, _) => String::new(),
                (false, Lang::Zh) => format!("：{}", later.join("、")),
                (false, Lang::En) => format!(": {}", later.join("; ")),
            };
            let source = confidence_suffix(ceiling.confidence, lang);
            match lang {
                Lang::Zh => format!(
                    "{assumed}解读：本项按其自身文件的比例优先计算，即使单独已超过按“{on}”计的 {rate} 合计上限（{}）；该上限只限制在其后计入的支持{later}。另一种解读：该上限同样限制本项，按此为 {}。{source}",
                    b(*limit),
                    b(*cut)
                ),
                Lang::En => format!(
                    "{assumed}Reading taken: this programme is counted first at its own document's rate, even where that alone is more than the {rate} ceiling on “{on}” ({}); the ceiling binds only what is added after it{later}. Other reading: the ceiling binds this programme too, which gives {}.{source}",
                    b(*limit),
                    b(*cut)
                ),
            }
        }
        Note::CompanyCap { cap, without } => match lang {
            Lang::Zh => format!("{}：未受此限时为 {}。", cap.text.zh, b(*without)),
            Lang::En => format!("{}: without it, {}.", cap.text.en, b(*without)),
        },
        Note::Overlap(overlap) => {
            let kind = match (overlap.kind, lang) {
                (OverlapKind::Unknown, Lang::Zh) => "叠加待确认（两项均列出，不合并计算）：",
                (OverlapKind::Unknown, Lang::En) => {
                    "Combination to confirm (both shown, not added together): "
                }
                (OverlapKind::Exclusive, Lang::Zh) => "不可叠加（两项均列出，只能取其一）：",
                (OverlapKind::Exclusive, Lang::En) => "Not combinable (both shown, one or the other): ",
            };
            format!("{kind}{}", overlap.text.get(lang))
        }
        Note::Tiers(tiers) => {
            let list: Vec<String> =
                tiers.iter().map(|t| format!("{} {}", t.label.get(lang), y(t.amount))).collect();
            match lang {
                Lang::Zh => format!("按评分分档：{}。", list.join("；")),
                Lang::En => format!("Tiers by score: {}.", list.join("; ")),
            }
        }
        Note::OtherRound(round) => match lang {
            Lang::Zh => {
                format!("时间窗口取自{}；{}年度的申报窗口可能不同。", round.label.zh, report.as_of.year())
            }
            Lang::En => format!(
                "The windows are those of the {}; the {} round may set other dates.",
                round.label.en,
                report.as_of.year()
            ),
        },
        Note::Fact(fact) => match fact.confidence {
            Some(c) if Some(c) != Some(outcome.programme.confidence) || c >= Confidence::NewsWeak => {
                format!("{}{}", fact.text.get(lang), confidence_suffix(c, lang))
            }
            _ => fact.text.get(lang).to_string(),
        },
    }
}

/// " Conditions of payment: …" of a published figure, or nothing where it has none.
fn payment_conditions(prefill: &crate::rules::Prefill, lang: Lang) -> String {
    if prefill.notes.is_empty() {
        return String::new();
    }
    let conditions: Vec<&str> = prefill.notes.iter().map(|n| n.get(lang)).collect();
    [lang.pick(" 兑付条件：", " Conditions of payment: "), &conditions.join(lang.pick("；", "; "))].concat()
}

/// "“The same contract …” not given: the default reading is taken, the ceiling applies.", where
/// it was not known whether a combined ceiling concerns the company; else nothing.
fn ceiling_assumed(
    ceiling: &crate::rules::CombinedCeiling,
    assumed: bool,
    report: &Report<'_>,
    lang: Lang,
) -> String {
    // The question that decides whether the ceiling concerns the company (the same contract).
    let asked = ceiling
        .when
        .as_ref()
        .and_then(Test::field_ref)
        .map(|f| report.library.question(f.field).label.get(lang));
    match (assumed, asked, lang) {
        (false, _, _) => String::new(),
        (true, Some(q), Lang::Zh) => format!("“{q}”未填写：按默认解读，适用此上限。"),
        (true, Some(q), Lang::En) => {
            format!("“{q}” not given: the default reading is taken, the ceiling applies. ")
        }
        (true, None, Lang::Zh) => "是否适用未能判断：按默认解读，适用此上限。".to_string(),
        (true, None, Lang::En) => {
            "Whether it applies is not known: the default reading is taken, the ceiling applies. ".to_string()
        }
    }
}

/// Why a condition depends on the figure: "more than 200 needed: your range 150–250 crosses it".
pub fn crossing_text(crossing: &Crossing, library: &Library, lang: Lang) -> String {
    let number = |d: Decimal| match library.kind(crossing.field) {
        FieldKind::Money => format_yuan(d, lang),
        _ => group_digits(d),
    };
    let (threshold, range) =
        (number(crossing.threshold), range_text(number(crossing.low), number(crossing.high)));
    let label = library.question(crossing.field).label.get(lang);
    match (crossing.strict, lang) {
        (true, Lang::Zh) => format!("{label}须超过 {threshold}：所填范围 {range} 跨过这一门槛，在其之上才符合"),
        (false, Lang::Zh) => format!("{label}须达到 {threshold}：所填范围 {range} 跨过这一门槛，达到才符合"),
        (true, Lang::En) => format!("more than {threshold} needed ({label}): your range {range} crosses it; only figures above it qualify"),
        (false, Lang::En) => format!("{threshold} or more needed ({label}): your range {range} crosses it; only figures from it up qualify"),
    }
}

/// A document as a sentence names it: its title, in 《》 in Chinese.
pub fn document_title(document: &crate::rules::Document, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("《{}》", document.title.zh),
        Lang::En => format!("the {}", document.title.en),
    }
}

/// How long a document runs: "in force to 2027-06-30", or "no end published".
pub fn until_text(document: &crate::rules::Document, lang: Lang) -> String {
    match (document.in_force.and_then(|p| p.to), lang) {
        (Some(to), Lang::Zh) => format!("有效期至 {to}"),
        (Some(to), Lang::En) => format!("in force to {to}"),
        (None, Lang::Zh) => "未公布截止日期".to_string(),
        (None, Lang::En) => "no end published".to_string(),
    }
}

/// What the estimator has for a place without a pack of some level, and whom to ask.
pub fn gap_text(gap: &Gap<'_>, lang: Lang) -> String {
    let place = gap.place.label.get(lang);
    let (reviewed, ask) = (gap.coverage.reviewed, gap.coverage.ask.get(lang));
    let space = lang.pick("", " ");
    let known: String = gap.notes.iter().map(|n| [space, n.text.get(lang)].concat()).collect();
    // The levels above it are shown as usual.
    let others = match (gap.coverage.level, lang) {
        (Level::District, Lang::Zh) => "省级、市级项目照常列出。",
        (Level::District, Lang::En) => "The provincial and city programmes are shown as usual.",
        (_, Lang::Zh) => "省级项目照常列出。",
        (_, Lang::En) => "The provincial programmes are shown as usual.",
    };
    match lang {
        Lang::Zh => format!(
            "本工具未收录{place}的{}项目（规则核对于 {reviewed}）；请向{ask}咨询。{others}{known}",
            level_label(gap.coverage.level, lang)
        ),
        Lang::En => format!(
            "The estimator has no {}-level programme for {place} (rules reviewed on {reviewed}); ask {ask}. {others}{known}",
            // ASCII only: `to_lowercase` would bring Unicode's case tables into the page.
            level_label(gap.coverage.level, lang).to_ascii_lowercase()
        ),
    }
}

/// Where the as-of date falls among a programme's application windows.
pub fn window_text(status: &crate::force::WindowStatus<'_>, lang: Lang) -> String {
    use crate::force::WindowStatus;
    let round = |w: &crate::rules::Window| {
        let label = w.label.as_ref().map(|l| l.get(lang));
        match (label, lang) {
            (Some(l), Lang::Zh) => format!("{}年度{l}", w.round),
            (None, Lang::Zh) => format!("{}年度", w.round),
            (Some(l), Lang::En) => format!("{} round, {l}", w.round),
            (None, Lang::En) => format!("{} round", w.round),
        }
    };
    let day = |d: Option<Date>| {
        d.map_or_else(|| lang.pick("未公布", "not published").to_string(), |d| d.to_string())
    };
    let window = match status {
        WindowStatus::Open(w) | WindowStatus::Opens(w) | WindowStatus::Closed(w) => w,
        WindowStatus::NotYetPublished { last, .. } => last,
    };
    let text = match (status, lang) {
        (WindowStatus::Open(w), Lang::Zh) if w.to.is_some() => {
            format!("申报窗口开放中，截至 {}（{}）", day(w.to), round(w))
        }
        (WindowStatus::Open(w), Lang::En) if w.to.is_some() => {
            format!("open until {} ({})", day(w.to), round(w))
        }
        (WindowStatus::Open(w), Lang::Zh) => {
            format!("自 {} 起开放，截止日期未公布（{}）", day(w.from), round(w))
        }
        (WindowStatus::Open(w), Lang::En) => {
            format!("open since {} ({}; closing date not published)", day(w.from), round(w))
        }
        (WindowStatus::Opens(w), Lang::Zh) => format!("{} 开放（{}）", day(w.from), round(w)),
        (WindowStatus::Opens(w), Lang::En) => format!("opens on {} ({})", day(w.from), round(w)),
        (WindowStatus::Closed(w), Lang::Zh) => format!("已于 {} 截止（{}）", day(w.to), round(w)),
        (WindowStatus::Closed(w), Lang::En) => format!("closed on {} ({})", day(w.to), round(w)),
        (WindowStatus::NotYetPublished { year, last }, Lang::Zh) => format!(
            "{year}年度申报窗口尚未公布（上一轮 {}：{} – {}）",
            round(last),
            day(last.from),
            day(last.to)
        ),
        (WindowStatus::NotYetPublished { year, last }, Lang::En) => format!(
            "not yet published for {year} (last known: {}, {} – {})",
            round(last),
            day(last.from),
            day(last.to)
        ),
    };
    if window.confidence >= Confidence::NewsWeak {
        format!("{text}{}", confidence_suffix(window.confidence, lang))
    } else {
        text
    }
}

/// A window as the rules view lists it, without an as-of date: "2026 round, second batch:
/// 2026-09-07 – not published".
pub fn window_period_text(w: &crate::rules::Window, lang: Lang) -> String {
    let day = |d: Option<Date>| {
        d.map_or_else(|| lang.pick("未公布", "not published").to_string(), |d| d.to_string())
    };
    let label = w.label.as_ref().map(|l| l.get(lang));
    let round = match (label, lang) {
        (Some(l), Lang::Zh) => format!("{}年度{l}", w.round),
        (None, Lang::Zh) => format!("{}年度", w.round),
        (Some(l), Lang::En) => format!("{} round, {l}", w.round),
        (None, Lang::En) => format!("{} round", w.round),
    };
    format!(
        "{round}{}{} – {}{}",
        lang.pick("：", ": "),
        day(w.from),
        day(w.to),
        confidence_suffix(w.confidence, lang)
    )
}

/// When one pack's rules were reviewed ("rules reviewed on 2026-12-07"), and how old that review
/// is when it is older than `STALE_AFTER_DAYS` on the as-of date.
pub fn reviewed_text(pack: &Pack, as_of: Date, lang: Lang) -> String {
    let reviewed = pack.reviewed;
    let days = reviewed.days_until(as_of);
    match (days > crate::force::STALE_AFTER_DAYS, lang) {
        (false, Lang::Zh) => format!("规则核对于 {reviewed}"),
        (false, Lang::En) => format!("rules reviewed on {reviewed}"),
        (true, Lang::Zh) => format!("规则核对于 {reviewed}，早于测算基准日 {days} 天，请留意是否有新文件"),
        (true, Lang::En) => {
            format!(
                "rules reviewed on {reviewed}, {days} days before the as-of date: check for newer documents"
            )
        }
    }
}

/// `2024-12-18 – 2026-12-17`, with "open" for an end not published.
pub fn period_text(document: &crate::rules::Document, lang: Lang) -> String {
    document.in_force.map_or_else(String::new, |p| {
        let to = p.to.map_or_else(|| lang.pick("未定", "open").to_string(), |t| t.to_string());
        format!("{} – {to}", p.from)
    })
}

/// How well a figure is sourced, in words.
pub fn confidence_label(c: Confidence, lang: Lang) -> &'static str {
    match c {
        Confidence::Text => lang.pick("见正式文本", "official text"),
        Confidence::News => lang.pick("据新闻摘要", "news summaries"),
        Confidence::NewsWeak => lang.pick("仅一处二手来源", "one secondary source only"),
        Confidence::Inferred => lang.pick("本工具的解读", "our reading"),
    }
}

fn confidence_suffix(c: Confidence, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（来源：{}）", confidence_label(c, lang)),
        Lang::En => format!(" (source: {})", confidence_label(c, lang)),
    }
}

/// A level's place when the company's answers do not name it: "your city".
pub fn your_place(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Common | Level::Province => lang.pick("所在省", "your province"),
        Level::City => lang.pick("所在地市", "your city"),
        Level::District => lang.pick("所在区", "your district"),
    }
}

/// The level of a pack, as a heading: 省级 / Province.
pub fn level_label(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Common => lang.pick("通用", "Common"),
        Level::Province => lang.pick("省级", "Province"),
        Level::City => lang.pick("市级", "City"),
        Level::District => lang.pick("区级", "District"),
    }
}

pub fn hint_text(hint: &NearMiss, library: &Library, lang: Lang) -> String {
    let label = library.question(hint.field).label.get(lang);
    let number = |d: Decimal| match library.kind(hint.field) {
        FieldKind::Money => format_yuan(d, lang),
        _ => group_digits(d),
    };
    match (hint.shortfall, lang) {
        (Shortfall::MoreThan { value, threshold }, Lang::Zh) => {
            format!("差一点：{label}为 {}；超过 {} 即符合。", number(value), number(threshold))
        }
        (Shortfall::MoreThan { value, threshold }, Lang::En) => {
            format!("Close: {label} {}; more than {} qualifies.", number(value), number(threshold))
        }
        (Shortfall::AtLeast { value, threshold }, Lang::Zh) => {
            format!("差一点：{label}为 {}；达到 {} 即符合。", number(value), number(threshold))
        }
        (Shortfall::AtLeast { value, threshold }, Lang::En) => {
            format!("Close: {label} {}; {} or more qualifies.", number(value), number(threshold))
        }
        (Shortfall::YearBefore { value, from }, Lang::Zh) => {
            format!("差一点：{label}为 {value} 年，比窗口起始的 {from} 年早 {} 年。", from - value)
        }
        (Shortfall::YearBefore { value, from }, Lang::En) => {
            format!("Close: {label} {value} is {} year(s) before the window opens in {from}.", from - value)
        }
        (Shortfall::YearAfter { value, to }, Lang::Zh) => {
            format!("差一点：{label}为 {value} 年，比窗口截止的 {to} 年晚 {} 年。", value - to)
        }
        (Shortfall::YearAfter { value, to }, Lang::En) => {
            format!("Close: {label} {value} is {} year(s) after the window closes in {to}.", value - to)
        }
        (Shortfall::DaysBefore { value, limit }, Lang::Zh) => {
            format!("差一点：{label} {value}，比最早允许的 {limit} 早 {} 天。", days(value, limit))
        }
        (Shortfall::DaysBefore { value, limit }, Lang::En) => {
            format!(
                "Close: {label} {value} is {} days before {limit}, the earliest allowed.",
                days(value, limit)
            )
        }
        (Shortfall::DaysAfter { value, limit }, Lang::Zh) => {
            format!("差一点：{label} {value}，比最晚允许的 {limit} 晚 {} 天。", days(limit, value))
        }
        (Shortfall::DaysAfter { value, limit }, Lang::En) => {
            format!(
                "Close: {label} {value} is {} days after {limit}, the latest allowed.",
                days(limit, value)
            )
        }
    }
}

fn days(earlier: Date, later: Date) -> i64 {
    earlier.days_until(later)
}

pub fn warning_text(warning: &Warning, library: &Library, lang: Lang) -> String {
    let label = |f: &Field| library.question(*f).label.get(lang);
    match (warning, lang) {
        (Warning::FutureYear { field, year }, Lang::Zh) => {
            format!("{}为 {year} 年，晚于测算基准日：请确认。", label(field))
        }
        (Warning::FutureYear { field, year }, Lang::En) => {
            format!("{} {year} is after the as-of date: please check.", label(field))
        }
        (Warning::FutureDate { field, date }, Lang::Zh) => {
            format!("{}为 {date}，晚于测算基准日：请确认。", label(field))
        }
        (Warning::FutureDate { field, date }, Lang::En) => {
            format!("{} {date} is after the as-of date: please check.", label(field))
        }
        (Warning::Division { field }, _) => library
            .question(*field)
            .division
            .as_ref()
            .map_or_else(String::new, |d| d.warning.get(lang).to_string()),
        (Warning::CityAwardAboveCap { field, cap }, Lang::Zh) => {
            format!("{}超过该项目奖励总额度 {}：请核对。", label(field), format_yuan(*cap, lang))
        }
        (Warning::CityAwardAboveCap { field, cap }, Lang::En) => {
            format!(
                "{} is above the programme's whole total cap of {}: please check.",
                label(field),
                format_yuan(*cap, lang)
            )
        }
    }
}

/// The fixed sentence under every estimate.
pub fn disclaimer(lang: Lang) -> &'static str {
    lang.pick(
        "本表依据公开政策文件测算，仅供参考，不构成资金安排决定。资金实行总额控制；竞争性项目择优支持，金额为上限；解读存疑之处已标注。",
        "An estimate under the published rules, not a funding decision. Funds are under total-amount control; competitive programmes are ranked and show a ceiling; ambiguous readings are marked.",
    )
}

/// A formula as the rules view shows it: rate, base, caps, without anyone's numbers.
pub fn formula_text(formula: &Formula, library: &Library, lang: Lang) -> String {
    let y = |amount: Decimal| format_yuan(amount, lang);
    match formula {
        Formula::RateOfBase { rate, base, cap, rate_when, cap_when, .. } => {
            let base: Vec<&str> = base.iter().map(|f| library.question(f.field).label.get(lang)).collect();
            let cap = match cap {
                Cap::Fixed(amount) => y(*amount),
                Cap::Dated(periods) => {
                    let list: Vec<String> = periods
                        .iter()
                        .map(|p| format!("{} {}", period_words(p.from, p.to, lang), y(p.amount)))
                        .collect();
                    list.join(lang.pick("；", "; "))
                }
                Cap::ByChoice { by, amounts } => {
                    let question = library.question(by.field);
                    let caps: Vec<String> = amounts
                        .iter()
                        .map(|(id, amount)| {
                            format!(
                                "{} {}",
                                question.choice(id).map_or(id.as_str(), |c| c.label.get(lang)),
                                y(*amount)
                            )
                        })
                        .collect();
                    caps.join(lang.pick("；", "; "))
                }
            };
            let rates: String = rate_when
                .iter()
                .map(|r| match lang {
                    Lang::Zh => format!("；{}：{}", r.text.zh, format_rate(r.rate)),
                    Lang::En => format!("; {}: {}", r.text.en, format_rate(r.rate)),
                })
                .chain(cap_when.iter().map(|c| match lang {
                    Lang::Zh => format!("；{}：上限 {}", c.text.zh, y(c.cap)),
                    Lang::En => format!("; {}: at most {}", c.text.en, y(c.cap)),
                }))
                .collect();
            match lang {
                Lang::Zh => format!("{} ×（{}），上限：{cap}{rates}", format_rate(*rate), base.join(" + ")),
                Lang::En => format!("{} × ({}), at most: {cap}{rates}", format_rate(*rate), base.join(" + ")),
            }
        }
        Formula::CityAwardMatch { ratio, total_cap, readings, .. } => {
            let reading = readings.first().map_or("", |r| r.text.get(lang));
            match lang {
                Lang::Zh => format!(
                    "省级配套 = 市级奖励 × {}:1；奖励总额度最高 {}（默认解读：{reading}）",
                    ratio.normalize(),
                    y(*total_cap)
                ),
                Lang::En => format!(
                    "provincial match = city award × {}:1; total award at most {} (default reading: {reading})",
                    ratio.normalize(),
                    y(*total_cap)
                ),
            }
        }
        Formula::CityAward { matched_by } => {
            let matched = library.programme_at(matched_by).map_or("", |(_, p)| p.title.get(lang));
            match lang {
                Lang::Zh => format!("“{matched}”所依据的地市奖励：按所填金额，未填写时按地市公布的标准（如有），计入地市合计"),
                Lang::En => format!(
                    "the city award “{matched}” rests on: as entered, or the city's published figure where there is one; counted in the city's total"
                ),
            }
        }
        Formula::NoFixedAmount { case_by_case_from, .. } => match lang {
            Lang::Zh => {
                format!("按省级配套规则另定；单个项目省级配套 {}（含）以上“一事一议”", y(*case_by_case_from))
            }
            Lang::En => format!(
                "per separate matching rules; {} or more for one project is decided case by case (一事一议)",
                y(*case_by_case_from)
            ),
        },
        Formula::PerItem { count, amount, cap } => {
            let what = library.question(count.field).label.get(lang);
            let cap =
                cap.map(|c| format!("{}{}", lang.pick("，上限 ", ", at most "), y(c))).unwrap_or_default();
            match lang {
                Lang::Zh => format!("每项 {}（{what}）{cap}", y(*amount)),
                Lang::En => format!("{} each ({what}){cap}", y(*amount)),
            }
        }
        Formula::Tiers { tiers, .. } => {
            let list: Vec<String> =
                tiers.iter().map(|t| format!("{} {}", t.label.get(lang), y(t.amount))).collect();
            match lang {
                Lang::Zh => format!("按档次给予，上限：{}", list.join("；")),
                Lang::En => format!("by tier, at most: {}", list.join("; ")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Level;

    fn totals(rule_based: u32, ceilings: u32, eligible: usize, undetermined: usize) -> Totals {
        Totals {
            level: Level::City,
            rule_based: Band::exact(Decimal::from(rule_based)),
            competitive_ceilings: Band::exact(Decimal::from(ceilings)),
            eligible,
            undetermined,
        }
    }

    #[test]
    fn each_level_answers_in_one_sentence() {
        let cases = [
            (totals(2_040_000, 2_000_000, 3, 0), "From Shenzhen: ¥2,040,000 by the rules, and up to ¥2,000,000 more if selected.", "深圳市：按规则可得 2,040,000 元，另有竞争性项目最高 2,000,000 元（须择优）。"),
            (totals(0, 0, 1, 0), "From Shenzhen: ¥0 by the rules.", "深圳市：按规则可得 0 元。"),
            (totals(0, 0, 0, 2), "From Shenzhen: nothing that can be worked out yet. 2 more programmes wait for information or depend on your figures.", "深圳市：暂无可确定的金额。另有 2 个项目待补充信息或取决于实际数值。"),
            (totals(0, 0, 0, 0), "From Shenzhen: no programme applies on these answers.", "深圳市：按目前的填写，没有适用的项目。"),
            (totals(0, 500_000, 1, 1), "From Shenzhen: nothing by the rules yet, up to ¥500,000 if selected. One more programme waits for information or depends on your figures.", "深圳市：按规则暂无金额，竞争性项目最高 500,000 元（须择优）。另有 1 个项目待补充信息或取决于实际数值。"),
        ];
        for (t, en, zh) in cases {
            assert_eq!(answer_text(&t, "Shenzhen", Lang::En), en);
            assert_eq!(answer_text(&t, "深圳市", Lang::Zh), zh);
        }
    }
}
