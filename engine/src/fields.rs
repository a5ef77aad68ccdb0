//! The catalogue of profile fields: one row per field with its path in the profile file, its kind
//! and its label in both languages. Errors, "missing input" lists, the rule data and the web form
//! all name fields through this one table, so a label is written once.

use crate::lang::Lang;
use serde::{Serialize, Serializer};

/// The parts of a profile. Every section but the company is optional: a section that is absent
/// means "this does not apply to us", which is different from a section whose fields are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Company,
    LittleGiant,
    SingleChampion,
    InnovationCentre,
    BenchmarkProject,
    OpenSource,
    NationalProject,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Company,
        Section::LittleGiant,
        Section::SingleChampion,
        Section::InnovationCentre,
        Section::BenchmarkProject,
        Section::OpenSource,
        Section::NationalProject,
    ];

    /// The key of the section in a profile file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Company => "company",
            Section::LittleGiant => "little_giant",
            Section::SingleChampion => "single_champion",
            Section::InnovationCentre => "innovation_centre",
            Section::BenchmarkProject => "benchmark_project",
            Section::OpenSource => "open_source",
            Section::NationalProject => "national_project",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Company => lang.pick("企业基本信息", "Company"),
            Section::LittleGiant => lang.pick("专精特新“小巨人”", "Little giant (专精特新“小巨人”)"),
            Section::SingleChampion => lang.pick("制造业单项冠军", "Manufacturing single champion"),
            Section::InnovationCentre => lang.pick("制造业创新中心", "Manufacturing innovation centre"),
            Section::BenchmarkProject => {
                lang.pick("人工智能应用（标杆）项目", "AI application (benchmark) project")
            }
            Section::OpenSource => lang.pick("开源社区 / 开源生态中心", "Open-source platform"),
            Section::NationalProject => lang.pick("国家科技重大专项", "National S&T major project"),
        }
    }

    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| f.section() == self)
    }
}

/// One of the fixed answers of a choice field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

pub const CENTRE_LEVELS: &[Choice] = &[
    Choice { id: "national", zh: "国家级", en: "National" },
    Choice { id: "provincial", zh: "省级", en: "Provincial" },
    Choice { id: "other", zh: "其他（如市级）", en: "Other (e.g. city level)" },
];

pub const APPLICANT_TYPES: &[Choice] = &[
    Choice {
        id: "ai_enterprise",
        zh: "人工智能企业（工业大模型研发或解决方案）",
        en: "AI enterprise (industrial large models or solutions)",
    },
    Choice {
        id: "research_institution",
        zh: "科研机构（工业大模型研发或解决方案）",
        en: "Research institution (industrial large models or solutions)",
    },
    Choice {
        id: "manufacturer", zh: "制造业企业（应用人工智能）", en: "Manufacturer applying AI"
    },
    Choice { id: "other", zh: "其他", en: "Other" },
];

pub const PLATFORM_KINDS: &[Choice] = &[
    Choice { id: "community", zh: "开源社区", en: "Open-source community" },
    Choice { id: "ecosystem_centre", zh: "开源生态中心", en: "Open-source ecosystem centre" },
];

/// What kind of value a field holds; drives parsing, validation and the form control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    CreditCode,
    City,
    Bool,
    Year,
    Date,
    /// Yuan, exact.
    Money,
    /// A whole number of users or enterprises.
    Count,
    Choice(&'static [Choice]),
}

macro_rules! fields {
    ($($variant:ident $section:ident $key:literal $kind:expr, $zh:literal, $en:literal;)*) => {
        /// A field of the profile, named as in the profile file (`section.key`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            pub fn section(self) -> Section {
                match self { $(Field::$variant => Section::$section,)* }
            }

            /// The key inside its section.
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key,)* }
            }

            pub fn kind(self) -> FieldKind {
                match self { $(Field::$variant => $kind,)* }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match self { $(Field::$variant => lang.pick($zh, $en),)* }
            }
        }
    };
}

fields! {
    CompanyName Company "name" FieldKind::Text, "企业名称", "Company name";
    CreditCode Company "credit_code" FieldKind::CreditCode, "统一社会信用代码", "Unified social credit code";
    City Company "city" FieldKind::City, "所在地市", "City";
    RegisteredInGuangdong Company "registered_in_guangdong" FieldKind::Bool,
        "在广东省内注册登记", "Registered in Guangdong";
    AiRoboticsField Company "ai_robotics_field" FieldKind::Bool,
        "属于人工智能与机器人领域", "Works in the AI & robotics field";
    LittleGiantYear LittleGiant "first_recognised_year" FieldKind::Year,
        "首次认定为国家级专精特新“小巨人”的年份", "Year first recognised as a little giant";
    LittleGiantCityAward LittleGiant "city_award" FieldKind::Money,
        "市级奖励金额（小巨人）", "City award (little giant)";
    ChampionYear SingleChampion "first_recognised_year" FieldKind::Year,
        "首次认定为国家级制造业单项冠军的年份", "Year first recognised as a single champion";
    ChampionCityAward SingleChampion "city_award" FieldKind::Money,
        "市级奖励金额（单项冠军）", "City award (single champion)";
    CentreLevel InnovationCentre "level" FieldKind::Choice(CENTRE_LEVELS),
        "创新中心级别", "Centre level";
    CentreApprovalYear InnovationCentre "approval_year" FieldKind::Year,
        "获批组建年份", "Year approved for formation";
    CentreOperating InnovationCentre "operating" FieldKind::Bool,
        "已实际运营", "Actually operating";
    CentreEquipmentCost InnovationCentre "equipment_cost" FieldKind::Money,
        "新购研发仪器设备（不含税）", "New R&D instruments and equipment (excl. tax)";
    CentreSoftwareCost InnovationCentre "software_cost" FieldKind::Money,
        "配套软件（不含税）", "Supporting software (excl. tax)";
    ApplicantType BenchmarkProject "applicant_type" FieldKind::Choice(APPLICANT_TYPES),
        "申报主体类型", "Applicant type";
    ProjectStart BenchmarkProject "start_date" FieldKind::Date,
        "项目启动日期", "Project start date";
    ProjectCompletion BenchmarkProject "completion_date" FieldKind::Date,
        "项目完成日期", "Project completion date";
    ProjectInvestment BenchmarkProject "investment" FieldKind::Money,
        "项目总投资（不含税）", "Project investment (excl. tax)";
    ProjectInGuangdong BenchmarkProject "in_guangdong" FieldKind::Bool,
        "项目在广东省内实施", "Project carried out in Guangdong";
    ComplianceClean BenchmarkProject "compliance_clean" FieldKind::Bool,
        "诚信纳税，未列入严重失信或经营异常名录，近三年无重大违法违规及重大事故",
        "Pays taxes, not blacklisted, no major violation or accident in the last 3 years";
    QuantifiedResults BenchmarkProject "quantified_results" FieldKind::Bool,
        "项目成效可量化", "Project results are quantified";
    PlatformKind OpenSource "kind" FieldKind::Choice(PLATFORM_KINDS),
        "平台类型", "Platform type";
    ActiveUsers OpenSource "active_users" FieldKind::Count,
        "活跃用户数", "Active users";
    EnterprisesServed OpenSource "enterprises_served" FieldKind::Count,
        "年服务企业数", "Enterprises served a year";
    OperatingExpenses OpenSource "previous_year_operating_expenses" FieldKind::Money,
        "上年度经核定的运营费用", "Previous year's approved operating expenses";
    UndertakesMajorProject NationalProject "undertakes" FieldKind::Bool,
        "承担人工智能与机器人领域国家科技重大专项", "Undertakes a national S&T major project in AI & robotics";
    MeetsMatchingConditions NationalProject "meets_matching_conditions" FieldKind::Bool,
        "符合省级配套条件", "Meets the provincial matching conditions";
    EstimatedMatching NationalProject "estimated_provincial_matching" FieldKind::Money,
        "预计省级配套金额", "Estimated provincial matching";
}

impl Field {
    /// The year and date fields, in catalogue order: those that can lie after the as-of date.
    /// Listed once here, since every evaluation looks at them (a test checks the list against the
    /// kinds).
    pub const DATED: &'static [Field] = &[
        Field::LittleGiantYear,
        Field::ChampionYear,
        Field::CentreApprovalYear,
        Field::ProjectStart,
        Field::ProjectCompletion,
    ];

    /// `benchmark_project.investment`: the field's address in a profile file and in the rule data.
    pub fn path(self) -> String {
        format!("{}.{}", self.section().key(), self.key())
    }

    pub fn from_path(path: &str) -> Option<Field> {
        let (section, key) = path.split_once('.')?;
        let section = Section::from_key(section)?;
        section.fields().find(|f| f.key() == key)
    }

    pub fn choices(self) -> &'static [Choice] {
        match self.kind() {
            FieldKind::Choice(choices) => choices,
            _ => &[],
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}.{}", self.section().key(), self.key()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_unique_path_and_both_labels() {
        let mut paths: Vec<String> = Field::ALL.iter().map(|f| f.path()).collect();
        for field in Field::ALL {
            assert_eq!(Field::from_path(&field.path()), Some(*field));
            for lang in Lang::ALL {
                assert!(!field.label(lang).is_empty());
            }
        }
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), Field::ALL.len());
    }

    #[test]
    fn the_dated_fields_are_the_year_and_date_fields() {
        let dated: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|f| matches!(f.kind(), FieldKind::Year | FieldKind::Date))
            .collect();
        assert_eq!(Field::DATED, dated);
    }
}
