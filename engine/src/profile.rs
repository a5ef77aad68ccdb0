//! A company's profile: what it tells the estimator about itself. Every field may be unknown
//! (`None`); every optional section may be absent ("does not apply to us").

use crate::city::City;
use crate::credit_code::CreditCode;
use crate::date::Date;
use crate::fields::{Field, FieldKind, Section};
use rust_decimal::Decimal;

/// The profile file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub format_version: u32,
    pub company: Company,
    pub little_giant: Option<Recognition>,
    pub single_champion: Option<Recognition>,
    pub innovation_centre: Option<InnovationCentre>,
    pub benchmark_project: Option<BenchmarkProject>,
    pub open_source: Option<OpenSourcePlatform>,
    pub national_project: Option<NationalProject>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Company {
    pub name: Option<String>,
    pub credit_code: Option<CreditCode>,
    pub city: Option<City>,
    pub registered_in_guangdong: Option<bool>,
    pub ai_robotics_field: Option<bool>,
}

/// A national recognition (little giant or single champion) and what the city awarded for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recognition {
    pub first_recognised_year: Option<i32>,
    pub city_award: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InnovationCentre {
    pub level: Option<CentreLevel>,
    pub approval_year: Option<i32>,
    pub operating: Option<bool>,
    pub equipment_cost: Option<Decimal>,
    pub software_cost: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BenchmarkProject {
    pub applicant_type: Option<ApplicantType>,
    pub start_date: Option<Date>,
    pub completion_date: Option<Date>,
    pub investment: Option<Decimal>,
    pub in_guangdong: Option<bool>,
    pub compliance_clean: Option<bool>,
    pub quantified_results: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpenSourcePlatform {
    pub kind: Option<PlatformKind>,
    pub active_users: Option<u64>,
    pub enterprises_served: Option<u64>,
    pub previous_year_operating_expenses: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NationalProject {
    pub undertakes: Option<bool>,
    pub meets_matching_conditions: Option<bool>,
    pub estimated_provincial_matching: Option<Decimal>,
}

macro_rules! choice_enum {
    ($name:ident { $($variant:ident = $id:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)* }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)* _ => None }
            }
        }
    };
}

choice_enum!(CentreLevel { National = "national", Provincial = "provincial", Other = "other" });
choice_enum!(ApplicantType {
    AiEnterprise = "ai_enterprise",
    ResearchInstitution = "research_institution",
    Manufacturer = "manufacturer",
    Other = "other",
});
choice_enum!(PlatformKind { Community = "community", EcosystemCentre = "ecosystem_centre" });

/// One field's value as the engine reads it. `Unknown` covers both an unknown field and an absent
/// section: the engine never treats either as zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'p> {
    Unknown,
    Bool(bool),
    Count(u64),
    Money(Decimal),
    Year(i32),
    Date(Date),
    Choice(&'static str),
    City(City),
    Text(&'p str),
    CreditCode(&'p CreditCode),
}

impl Value<'_> {
    pub fn is_known(&self) -> bool {
        !matches!(self, Value::Unknown)
    }

    /// Numbers (counts, money, years) as a `Decimal`, for threshold tests.
    pub fn as_number(&self) -> Option<Decimal> {
        match *self {
            Value::Count(n) => Some(Decimal::from(n)),
            Value::Money(m) => Some(m),
            Value::Year(y) => Some(Decimal::from(y)),
            _ => None,
        }
    }
}

/// A value to write into a field, as the form or a test provides it.
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    Unknown,
    Bool(bool),
    Count(u64),
    Money(Decimal),
    Year(i32),
    Date(Date),
    Choice(String),
    City(City),
    Text(String),
    CreditCode(CreditCode),
}

/// Writing a value of the wrong kind into a field; a programming error in the caller, reported
/// rather than panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongKind(pub Field);

impl Default for Profile {
    fn default() -> Self {
        Profile {
            format_version: FORMAT_VERSION,
            company: Company::default(),
            little_giant: None,
            single_champion: None,
            innovation_centre: None,
            benchmark_project: None,
            open_source: None,
            national_project: None,
        }
    }
}

impl Profile {
    pub fn has_section(&self, section: Section) -> bool {
        match section {
            Section::Company => true,
            Section::LittleGiant => self.little_giant.is_some(),
            Section::SingleChampion => self.single_champion.is_some(),
            Section::InnovationCentre => self.innovation_centre.is_some(),
            Section::BenchmarkProject => self.benchmark_project.is_some(),
            Section::OpenSource => self.open_source.is_some(),
            Section::NationalProject => self.national_project.is_some(),
        }
    }

    /// Opens a section (keeping what it holds) or removes it. The company section always stays.
    pub fn set_section(&mut self, section: Section, present: bool) {
        fn toggle<T: Default>(slot: &mut Option<T>, present: bool) {
            match (present, slot.is_some()) {
                (true, false) => *slot = Some(T::default()),
                (false, true) => *slot = None,
                _ => {}
            }
        }
        match section {
            Section::Company => {}
            Section::LittleGiant => toggle(&mut self.little_giant, present),
            Section::SingleChampion => toggle(&mut self.single_champion, present),
            Section::InnovationCentre => toggle(&mut self.innovation_centre, present),
            Section::BenchmarkProject => toggle(&mut self.benchmark_project, present),
            Section::OpenSource => toggle(&mut self.open_source, present),
            Section::NationalProject => toggle(&mut self.national_project, present),
        }
    }

    /// The value of one field, `Unknown` when it or its section is absent.
    // Inlined into the engine's loops in native builds (the bench crate has no LTO), always: with a
    // plain `inline` some 38 calls an evaluation stayed out of line. Not in the wasm, where each
    // inlined copy of this match costs download size (about 2.4 KB).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn get(&self, field: Field) -> Value<'_> {
        use Value as V;
        fn opt<T>(value: Option<T>, wrap: impl FnOnce(T) -> Value<'static>) -> Value<'static> {
            value.map_or(Value::Unknown, wrap)
        }
        let c = &self.company;
        match field {
            Field::CompanyName => c.name.as_deref().map_or(V::Unknown, V::Text),
            Field::CreditCode => c.credit_code.as_ref().map_or(V::Unknown, V::CreditCode),
            Field::City => opt(c.city, V::City),
            Field::RegisteredInGuangdong => opt(c.registered_in_guangdong, V::Bool),
            Field::AiRoboticsField => opt(c.ai_robotics_field, V::Bool),
            Field::LittleGiantYear => {
                opt(self.little_giant.as_ref().and_then(|r| r.first_recognised_year), V::Year)
            }
            Field::LittleGiantCityAward => {
                opt(self.little_giant.as_ref().and_then(|r| r.city_award), V::Money)
            }
            Field::ChampionYear => {
                opt(self.single_champion.as_ref().and_then(|r| r.first_recognised_year), V::Year)
            }
            Field::ChampionCityAward => {
                opt(self.single_champion.as_ref().and_then(|r| r.city_award), V::Money)
            }
            Field::CentreLevel => {
                opt(self.innovation_centre.as_ref().and_then(|s| s.level), |l| V::Choice(l.id()))
            }
            Field::CentreApprovalYear => {
                opt(self.innovation_centre.as_ref().and_then(|s| s.approval_year), V::Year)
            }
            Field::CentreOperating => opt(self.innovation_centre.as_ref().and_then(|s| s.operating), V::Bool),
            Field::CentreEquipmentCost => {
                opt(self.innovation_centre.as_ref().and_then(|s| s.equipment_cost), V::Money)
            }
            Field::CentreSoftwareCost => {
                opt(self.innovation_centre.as_ref().and_then(|s| s.software_cost), V::Money)
            }
            Field::ApplicantType => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.applicant_type), |t| V::Choice(t.id()))
            }
            Field::ProjectStart => opt(self.benchmark_project.as_ref().and_then(|s| s.start_date), V::Date),
            Field::ProjectCompletion => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.completion_date), V::Date)
            }
            Field::ProjectInvestment => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.investment), V::Money)
            }
            Field::ProjectInGuangdong => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.in_guangdong), V::Bool)
            }
            Field::ComplianceClean => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.compliance_clean), V::Bool)
            }
            Field::QuantifiedResults => {
                opt(self.benchmark_project.as_ref().and_then(|s| s.quantified_results), V::Bool)
            }
            Field::PlatformKind => opt(self.open_source.as_ref().and_then(|s| s.kind), |k| V::Choice(k.id())),
            Field::ActiveUsers => opt(self.open_source.as_ref().and_then(|s| s.active_users), V::Count),
            Field::EnterprisesServed => {
                opt(self.open_source.as_ref().and_then(|s| s.enterprises_served), V::Count)
            }
            Field::OperatingExpenses => {
                opt(self.open_source.as_ref().and_then(|s| s.previous_year_operating_expenses), V::Money)
            }
            Field::UndertakesMajorProject => {
                opt(self.national_project.as_ref().and_then(|s| s.undertakes), V::Bool)
            }
            Field::MeetsMatchingConditions => {
                opt(self.national_project.as_ref().and_then(|s| s.meets_matching_conditions), V::Bool)
            }
            Field::EstimatedMatching => {
                opt(self.national_project.as_ref().and_then(|s| s.estimated_provincial_matching), V::Money)
            }
        }
    }

    /// Writes one field, opening its section if needed. The value is stored as given; range checks
    /// belong to `validate`, so that the form can show a message while keeping what was typed.
    pub fn set(&mut self, field: Field, value: NewValue) -> Result<(), WrongKind> {
        self.set_section(field.section(), true);
        let wrong = || WrongKind(field);
        macro_rules! put {
            ($slot:expr, $pattern:pat => $convert:expr) => {{
                $slot = match value {
                    NewValue::Unknown => None,
                    $pattern => Some($convert),
                    _ => return Err(wrong()),
                };
            }};
        }
        macro_rules! section {
            ($slot:ident) => {
                self.$slot.as_mut().ok_or_else(wrong)?
            };
        }
        match field {
            Field::CompanyName => put!(self.company.name, NewValue::Text(t) => t),
            Field::CreditCode => put!(self.company.credit_code, NewValue::CreditCode(c) => c),
            Field::City => put!(self.company.city, NewValue::City(c) => c),
            Field::RegisteredInGuangdong => {
                put!(self.company.registered_in_guangdong, NewValue::Bool(b) => b)
            }
            Field::AiRoboticsField => put!(self.company.ai_robotics_field, NewValue::Bool(b) => b),
            Field::LittleGiantYear => {
                put!(section!(little_giant).first_recognised_year, NewValue::Year(y) => y)
            }
            Field::LittleGiantCityAward => {
                put!(section!(little_giant).city_award, NewValue::Money(m) => m)
            }
            Field::ChampionYear => {
                put!(section!(single_champion).first_recognised_year, NewValue::Year(y) => y)
            }
            Field::ChampionCityAward => {
                put!(section!(single_champion).city_award, NewValue::Money(m) => m)
            }
            Field::CentreLevel => {
                put!(section!(innovation_centre).level, NewValue::Choice(id) => CentreLevel::from_id(&id).ok_or_else(wrong)?)
            }
            Field::CentreApprovalYear => {
                put!(section!(innovation_centre).approval_year, NewValue::Year(y) => y)
            }
            Field::CentreOperating => {
                put!(section!(innovation_centre).operating, NewValue::Bool(b) => b)
            }
            Field::CentreEquipmentCost => {
                put!(section!(innovation_centre).equipment_cost, NewValue::Money(m) => m)
            }
            Field::CentreSoftwareCost => {
                put!(section!(innovation_centre).software_cost, NewValue::Money(m) => m)
            }
            Field::ApplicantType => {
                put!(section!(benchmark_project).applicant_type, NewValue::Choice(id) => ApplicantType::from_id(&id).ok_or_else(wrong)?)
            }
            Field::ProjectStart => {
                put!(section!(benchmark_project).start_date, NewValue::Date(d) => d)
            }
            Field::ProjectCompletion => {
                put!(section!(benchmark_project).completion_date, NewValue::Date(d) => d)
            }
            Field::ProjectInvestment => {
                put!(section!(benchmark_project).investment, NewValue::Money(m) => m)
            }
            Field::ProjectInGuangdong => {
                put!(section!(benchmark_project).in_guangdong, NewValue::Bool(b) => b)
            }
            Field::ComplianceClean => {
                put!(section!(benchmark_project).compliance_clean, NewValue::Bool(b) => b)
            }
            Field::QuantifiedResults => {
                put!(section!(benchmark_project).quantified_results, NewValue::Bool(b) => b)
            }
            Field::PlatformKind => {
                put!(section!(open_source).kind, NewValue::Choice(id) => PlatformKind::from_id(&id).ok_or_else(wrong)?)
            }
            Field::ActiveUsers => put!(section!(open_source).active_users, NewValue::Count(n) => n),
            Field::EnterprisesServed => {
                put!(section!(open_source).enterprises_served, NewValue::Count(n) => n)
            }
            Field::OperatingExpenses => {
                put!(section!(open_source).previous_year_operating_expenses, NewValue::Money(m) => m)
            }
            Field::UndertakesMajorProject => {
                put!(section!(national_project).undertakes, NewValue::Bool(b) => b)
            }
            Field::MeetsMatchingConditions => {
                put!(section!(national_project).meets_matching_conditions, NewValue::Bool(b) => b)
            }
            Field::EstimatedMatching => {
                put!(section!(national_project).estimated_provincial_matching, NewValue::Money(m) => m)
            }
        }
        Ok(())
    }

    /// Forgets one field (makes it unknown) without touching its section.
    pub fn clear(&mut self, field: Field) {
        if self.has_section(field.section()) {
            // Writing Unknown never has the wrong kind.
            let _ = self.set(field, NewValue::Unknown);
        }
    }

    /// Fields that are filled in, in catalogue order.
    pub fn known_fields(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL.iter().copied().filter(|f| self.get(*f).is_known())
    }
}

impl FieldKind {
    /// Whether a value may be written into a field of this kind (used by tests and the form).
    pub fn accepts(self, value: &NewValue) -> bool {
        matches!(
            (self, value),
            (_, NewValue::Unknown)
                | (FieldKind::Text, NewValue::Text(_))
                | (FieldKind::CreditCode, NewValue::CreditCode(_))
                | (FieldKind::City, NewValue::City(_))
                | (FieldKind::Bool, NewValue::Bool(_))
                | (FieldKind::Year, NewValue::Year(_))
                | (FieldKind::Date, NewValue::Date(_))
                | (FieldKind::Money, NewValue::Money(_))
                | (FieldKind::Count, NewValue::Count(_))
                | (FieldKind::Choice(_), NewValue::Choice(_))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_section_reads_as_unknown_and_set_opens_it() {
        let mut profile = Profile::default();
        assert_eq!(profile.get(Field::ProjectInvestment), Value::Unknown);
        profile.set(Field::ProjectInvestment, NewValue::Money(Decimal::from(12))).unwrap();
        assert!(profile.has_section(Section::BenchmarkProject));
        assert_eq!(profile.get(Field::ProjectInvestment), Value::Money(Decimal::from(12)));
        profile.clear(Field::ProjectInvestment);
        assert_eq!(profile.get(Field::ProjectInvestment), Value::Unknown);
        assert!(profile.has_section(Section::BenchmarkProject));
    }

    #[test]
    fn money_reads_from_a_json_number_as_the_format_allows() {
        use crate::input::Problem;
        use crate::money::AmountProblem;
        let read = |amount: &str| {
            let text =
                format!(r#"{{"format_version": 1, "innovation_centre": {{"equipment_cost": {amount}}}}}"#);
            Profile::from_json(&text).map(|p| p.innovation_centre.unwrap().equipment_cost).map_err(|errors| {
                assert_eq!(errors.len(), 1, "{errors:?}");
                errors[0].problem.clone()
            })
        };
        assert_eq!(read("15000000"), Ok(Some(Decimal::from(15_000_000))));
        assert_eq!(read("1234.5"), read(r#""1234.5""#));
        assert_eq!(read("1e3"), Ok(Some(Decimal::from(1000))));
        assert_eq!(read("null"), Ok(None));
        // A number that is not an amount is refused for what it is, not as broken JSON.
        assert_eq!(read("-5"), Err(Problem::Amount { reason: AmountProblem::Negative }));
        assert_eq!(read("1.234"), Err(Problem::Amount { reason: AmountProblem::FinerThanFen }));
        assert_eq!(read("1e300"), Err(Problem::Amount { reason: AmountProblem::NotANumber }));
        assert_eq!(read("true"), Err(Problem::WrongType));
        assert_eq!(read(r#""12,000""#), Err(Problem::Amount { reason: AmountProblem::NotANumber }));
    }

    #[test]
    fn set_refuses_a_value_of_the_wrong_kind() {
        let mut profile = Profile::default();
        assert_eq!(profile.set(Field::ActiveUsers, NewValue::Bool(true)), Err(WrongKind(Field::ActiveUsers)));
        assert_eq!(
            profile.set(Field::CentreLevel, NewValue::Choice("galactic".into())),
            Err(WrongKind(Field::CentreLevel))
        );
    }

    #[test]
    fn every_field_round_trips_through_set_and_get() {
        let date = Date::parse("2024-05-06").unwrap();
        for &field in Field::ALL {
            let value = match field.kind() {
                FieldKind::Text => NewValue::Text("某公司".into()),
                FieldKind::CreditCode => {
                    NewValue::CreditCode(CreditCode::parse("914403001922038216").unwrap())
                }
                FieldKind::City => NewValue::City(City::Foshan),
                FieldKind::Bool => NewValue::Bool(true),
                FieldKind::Year => NewValue::Year(2025),
                FieldKind::Date => NewValue::Date(date),
                FieldKind::Money => NewValue::Money(Decimal::from(7)),
                FieldKind::Count => NewValue::Count(9),
                FieldKind::Choice(choices) => NewValue::Choice(choices[0].id.into()),
            };
            assert!(field.kind().accepts(&value));
            let mut profile = Profile::default();
            profile.set(field, value).unwrap();
            assert!(profile.get(field).is_known(), "{field:?}");
            assert_eq!(profile.known_fields().collect::<Vec<_>>(), vec![field]);
        }
    }
}
