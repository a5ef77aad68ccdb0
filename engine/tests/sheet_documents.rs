//! The documents a sheet lists: those its company's programmes cite or rest on (and those of the
//! other support it names), not every document of every pack that applies.

mod common;

use common::*;
use subsidy_engine::report::Verdict;
use subsidy_engine::view::ReportView;
use subsidy_engine::Lang;

fn listed(name: &str, as_of: &str) -> Vec<String> {
    let profile = example(name);
    let report = report_on(&profile, date(as_of));
    ReportView::new(&report, &profile, Lang::Zh).documents.into_iter().map(|d| d.name).collect()
}

#[test]
fn a_shenzhen_sheet_lists_no_guangzhou_document() {
    let listed = listed("c01-shenzhen-compute-voucher", "2026-08-01");
    // The compute voucher rests on 深工信规〔2024〕13号; the province's little-giant match cites
    // Guangzhou's measures, which a Shenzhen company's sheet has no use for.
    assert!(listed.contains(&"深工信规〔2024〕13号".to_string()), "{listed:?}");
    assert!(!listed.iter().any(|d| d.starts_with("穗")), "{listed:?}");
    // Nor the province's fund rules, which none of its programmes cites.
    assert!(!listed.contains(&"粤工信规字〔2025〕6号".to_string()), "{listed:?}");
}

#[test]
fn a_guangzhou_little_giant_sheet_lists_the_documents_its_match_cites() {
    let listed = listed("w03-guangzhou-little-giant", "2026-03-01");
    assert!(listed.iter().any(|d| d.starts_with("穗")), "{listed:?}");
}

#[test]
fn every_document_listed_is_cited_by_a_programme_of_the_sheet() {
    let examples = [
        "c01-shenzhen-compute-voucher",
        "c03-longgang-compute-same-contract",
        "w03-guangzhou-little-giant",
        "w06-benchmark-visual-inspection",
    ];
    for name in examples {
        let profile = example(name);
        let report = report_on(&profile, city_as_of());
        let view = ReportView::new(&report, &profile, Lang::Zh);
        let cited: Vec<String> = view
            .programmes
            .iter()
            .filter(|p| p.verdict != Verdict::NotApplicable)
            .flat_map(|p| p.citations.iter().chain(&p.basis).cloned())
            .collect();
        // Or by the other support the sheet names (one line each, with its office).
        let other_support: Vec<&str> = report
            .packs
            .iter()
            .flat_map(|pack| {
                let info = pack.programmes.iter().filter(|p| p.is_informational());
                info.flat_map(|p| p.cites.iter().filter_map(|id| pack.citation(id)))
                    .filter_map(|c| pack.document(&c.document))
                    .map(|d| d.name(Lang::Zh))
            })
            .collect();
        for d in &view.documents {
            let by_programme = cited.iter().any(|c| c.contains(&d.name));
            let by_other_support = other_support.contains(&d.name.as_str());
            assert!(
                by_programme || by_other_support,
                "{name}: {} listed, cited by none of {cited:?}",
                d.name
            );
        }
        let all: usize = report.packs.iter().map(|p| p.documents.len()).sum();
        assert!(view.documents.len() < all, "{name}: every document of its packs is listed");
    }
}
