//! The plain-text report the command line prints: the answer first, the reasons under it.

use crate::view::ReportView;
use std::fmt::Write;

pub fn render_text(view: &ReportView) -> String {
    let zh = view.lang == crate::Lang::Zh;
    let t = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(
        out,
        "{}",
        t(
            "广东省人工智能与机器人产业扶持资金 · 资格测算",
            "Guangdong AI & Robotics Support · Eligibility Estimate"
        )
    );
    for entry in &view.company {
        let _ = writeln!(out, "{}: {}", entry.label, entry.value);
    }
    let _ = writeln!(out, "{}: {}", t("测算基准日", "As of"), view.as_of);
    for pack in &view.packs {
        let _ = writeln!(
            out,
            "{}: {} {} ({} · {})",
            t("规则包", "Policy pack"),
            pack.id,
            pack.version,
            pack.level_label,
            pack.title
        );
    }
    let _ = writeln!(out);
    for p in &view.programmes {
        let _ = writeln!(
            out,
            "[{}] {} {} — {} — {}",
            p.id, p.level_label, p.title, p.verdict_label, p.amount_label
        );
    }
    let _ = writeln!(out);
    for totals in &view.totals {
        let _ = writeln!(
            out,
            "{} {} {}   {} {}",
            totals.level_label,
            t("按规则可得:", "rule-based:"),
            totals.rule_based_label,
            t("竞争性项目上限合计:", "competitive ceilings:"),
            totals.competitive_ceilings_label
        );
    }
    if let Some(totals) = view.totals.first() {
        let _ = writeln!(out, "{}", totals.note);
    }
    for p in view.programmes.iter().filter(|p| p.verdict != crate::report::Verdict::NotApplicable) {
        let _ = writeln!(out, "\n{} {}  ({})", p.id, p.title, p.verdict_label);
        for line in &p.calculation {
            let _ = writeln!(out, "  {} {line}", t("计算:", "Calculation:"));
        }
        for c in &p.conditions {
            let entered: Vec<String> = c.entered.iter().map(|e| e.value.clone()).collect();
            let entered =
                if entered.is_empty() { String::new() } else { format!(" [{}]", entered.join(", ")) };
            let _ = writeln!(out, "  {} {}{entered} — {} — {}", c.mark, c.text, c.status_label, c.citation);
        }
        for m in &p.missing {
            let _ = writeln!(out, "  {} {}", t("缺少:", "Missing:"), m.label);
        }
        for h in &p.hints {
            let _ = writeln!(out, "  {h}");
        }
        for n in &p.notes {
            let _ = writeln!(out, "  - {n}");
        }
        let _ = writeln!(
            out,
            "  {} {} · {}",
            t("依据可靠程度:", "Sourced from:"),
            p.confidence_label,
            p.confidence_note.as_deref().unwrap_or("")
        );
        let _ = writeln!(out, "  {} {} ({})", t("申报:", "How to apply:"), p.apply_channel, p.apply_office);
        if let Some(window) = &p.apply_window {
            let _ = writeln!(out, "  {} {window}", t("申报时间:", "Window:"));
        }
        for d in &p.apply_documents {
            let _ = writeln!(out, "  {} {d}", t("需准备:", "To prepare:"));
        }
    }
    if !view.missing.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            t("仍需填写（按可能影响的金额排序）:", "Still needed (largest possible effect first):")
        );
        for m in &view.missing {
            let _ = writeln!(out, "  - {} ({})", m.label, m.programmes.join(", "));
        }
    }
    for w in &view.warnings {
        let _ = writeln!(out, "{} {w}", t("提示:", "Warning:"));
    }
    let _ = writeln!(out, "\n{}", view.disclaimer);
    let _ = writeln!(out, "{}", view.legend);
    out
}
