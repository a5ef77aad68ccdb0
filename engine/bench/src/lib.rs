//! Shared pieces of the engine benchmarks: a deterministic profile generator, the full profile that
//! the single-core figure is measured on, and the peer engine's (GoRules ZEN) encoding of the
//! quantified programmes P1–P4.

use rust_decimal::Decimal;
use subsidy_engine::city::City;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::fields::{Field, FieldKind};
use subsidy_engine::profile::{
    ApplicantType, BenchmarkProject, CentreLevel, Company, InnovationCentre, NationalProject,
    OpenSourcePlatform, PlatformKind, Recognition, Value,
};
use subsidy_engine::{Date, Profile};

/// The as-of date of every benchmark (the worked examples' date).
pub const AS_OF: &str = "2026-03-01";

pub fn as_of() -> Date {
    Date::parse(AS_OF).expect("AS_OF is a date")
}

/// A profile with every section and every field filled in, eligible for P1–P4: the most work one
/// evaluation can do (conditions, calculations, cap readings, notes).
pub const FULL_PROFILE_JSON: &str = include_str!("../profiles/full.json");

pub fn full_profile() -> Profile {
    Profile::from_json(FULL_PROFILE_JSON).expect("profiles/full.json is a valid profile")
}

/// SplitMix64: a small deterministic generator, so that every run benchmarks the same profiles.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(1, 100) <= percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as u64 - 1) as usize]
    }

    fn year(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.range(0, (hi - lo) as u64) as i32
    }

    /// An amount in yuan up to `max_yuan`, whole yuan or with fen.
    fn money(&mut self, max_yuan: u64) -> Decimal {
        if self.chance(60) {
            Decimal::from(self.range(0, max_yuan / 10_000) * 10_000)
        } else {
            Decimal::new(self.range(0, max_yuan * 100) as i64, 2)
        }
    }

    /// A date between two dates (as days since 1970-01-01).
    fn date(&mut self, from: Date, to: Date) -> Date {
        let days = self.range(from.days_since_epoch() as u64, to.days_since_epoch() as u64);
        Date::from_days_since_epoch(days as i64).expect("in range")
    }
}

const CITIES: [City; 8] = [
    City::Guangzhou,
    City::Shenzhen,
    City::Foshan,
    City::Dongguan,
    City::Huizhou,
    City::Zhuhai,
    City::Shantou,
    City::Hengqin,
];

/// Valid credit codes, each stem completed with the check character that `CreditCode::parse` accepts.
fn credit_codes() -> Vec<CreditCode> {
    const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    ["91440300708461136", "91440101MA5CXXXX0", "91440606MA4UJ1234", "91110000100000000"]
        .iter()
        .filter_map(|stem| ALPHABET.chars().find_map(|c| CreditCode::parse(&format!("{stem}{c}")).ok()))
        .collect()
}

/// How complete the generated profiles are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Any section may be absent and any field unknown: what a batch of real users sends.
    Varied,
    /// The company fields are all known, and every section present is complete, so that every
    /// verdict is decided (what the peer engine's encoding needs: it has no "unknown").
    Decided,
}

/// A generator of valid profiles whose values fall on both sides of every threshold.
pub struct Generator {
    rng: Rng,
    codes: Vec<CreditCode>,
    shape: Shape,
}

impl Generator {
    pub fn new(seed: u64, shape: Shape) -> Generator {
        Generator { rng: Rng::new(seed), codes: credit_codes(), shape }
    }

    /// A field is known with this probability (always in the decided shape).
    fn known<T>(&mut self, value: impl FnOnce(&mut Rng) -> T) -> Option<T> {
        let keep = self.shape == Shape::Decided || self.rng.chance(92);
        let v = value(&mut self.rng);
        keep.then_some(v)
    }

    fn section(&mut self) -> bool {
        self.rng.chance(70)
    }

    pub fn profile(&mut self, index: u64) -> Profile {
        let varied = self.shape == Shape::Varied;
        let name = (!varied || self.rng.chance(80)).then(|| format!("广东某智能科技有限公司{index}"));
        let credit_code = self.rng.chance(30).then(|| {
            let i = self.rng.range(0, self.codes.len() as u64 - 1) as usize;
            self.codes[i].clone()
        });
        let city = (!varied || self.rng.chance(90)).then(|| self.rng.pick(&CITIES));
        let company = Company {
            name,
            credit_code,
            city,
            registered_in_guangdong: if varied {
                self.known(|r| r.chance(90))
            } else {
                Some(self.rng.chance(90))
            },
            ai_robotics_field: if varied { self.known(|r| r.chance(90)) } else { Some(self.rng.chance(90)) },
        };
        let recognition = |g: &mut Generator| Recognition {
            first_recognised_year: g.known(|r| r.year(2021, 2027)),
            city_award: g.known(|r| {
                if r.chance(50) {
                    r.pick(&[300_000, 500_000, 1_000_000, 1_500_000, 2_500_000].map(Decimal::from))
                } else {
                    r.money(4_000_000)
                }
            }),
        };
        let little_giant = self.section().then(|| recognition(self));
        let single_champion = self.section().then(|| recognition(self));
        let innovation_centre = self.section().then(|| InnovationCentre {
            level: self
                .known(|r| r.pick(&[CentreLevel::National, CentreLevel::Provincial, CentreLevel::Other])),
            approval_year: self.known(|r| r.year(2023, 2028)),
            operating: self.known(|r| r.chance(85)),
            equipment_cost: self.known(|r| r.money(200_000_000)),
            software_cost: self.known(|r| r.money(30_000_000)),
        });
        let benchmark_project = self.section().then(|| {
            let first = Date::new(2021, 1, 1).expect("date");
            let last = Date::new(2025, 12, 31).expect("date");
            let start = self.rng.date(first, last);
            let completion =
                Date::from_days_since_epoch(start.days_since_epoch() + self.rng.range(0, 1200) as i64)
                    .expect("in range");
            BenchmarkProject {
                applicant_type: self.known(|r| {
                    r.pick(&[
                        ApplicantType::AiEnterprise,
                        ApplicantType::ResearchInstitution,
                        ApplicantType::Manufacturer,
                        ApplicantType::Other,
                    ])
                }),
                start_date: self.known(|_| start),
                completion_date: self.known(|_| completion),
                investment: self.known(|r| r.money(60_000_000)),
                in_guangdong: self.known(|r| r.chance(90)),
                compliance_clean: self.known(|r| r.chance(90)),
                quantified_results: self.known(|r| r.chance(85)),
            }
        });
        let open_source = self.section().then(|| OpenSourcePlatform {
            kind: self.known(|r| r.pick(&[PlatformKind::Community, PlatformKind::EcosystemCentre])),
            active_users: self.known(|r| r.range(0, 3_000_000)),
            enterprises_served: self.known(|r| r.range(0, 400)),
            previous_year_operating_expenses: self.known(|r| r.money(50_000_000)),
        });
        let national_project = self.section().then(|| NationalProject {
            undertakes: self.known(|r| r.chance(80)),
            meets_matching_conditions: self.known(|r| r.chance(80)),
            estimated_provincial_matching: self.known(|r| r.money(300_000_000)),
        });
        let profile = Profile {
            company,
            little_giant,
            single_champion,
            innovation_centre,
            benchmark_project,
            open_source,
            national_project,
            ..Profile::default()
        };
        debug_assert!(profile.validate().is_empty(), "{profile:?}");
        profile
    }
}

/// The quantified programmes compared with the peer engine, with the keys its graph writes.
pub const COMPARED: [(&str, &str); 5] =
    [("P1", "P1"), ("P2-LG", "P2_LG"), ("P2-SC", "P2_SC"), ("P3", "P3"), ("P4", "P4")];

/// P1–P4 as a ZEN decision graph (JDM): input → one expression node → output. The expression node
/// writes each programme's amount in yuan, or null when the programme does not apply (its section
/// is absent) or a condition fails. Parameters are those of `rules/guangdong-ai-robotics-2025.json`.
pub fn zen_graph() -> serde_json::Value {
    let expressions: &[(&str, &str)] = &[
        // P1 manufacturing innovation centre: 40% of equipment + software, cap by level.
        (
            "p1_ok",
            "innovation_centre != null and company.registered_in_guangdong == true and company.ai_robotics_field == true \
             and (innovation_centre.level == 'national' or innovation_centre.level == 'provincial') \
             and innovation_centre.approval_year >= 2025 and innovation_centre.approval_year <= 2027 \
             and innovation_centre.operating == true",
        ),
        (
            "P1",
            "$.p1_ok ? trunc(min([0.40 * (innovation_centre.equipment_cost + innovation_centre.software_cost), \
             innovation_centre.level == 'national' ? 50000000 : 10000000]), 2) : null",
        ),
        // P2 little giant / single champion: 1:1 match of the city award, at most half the total cap.
        (
            "p2_lg_ok",
            "little_giant != null and company.registered_in_guangdong == true and company.ai_robotics_field == true \
             and little_giant.first_recognised_year >= 2024 and little_giant.first_recognised_year <= 2026",
        ),
        ("P2_LG", "$.p2_lg_ok ? trunc(min([1 * little_giant.city_award, 2000000 / 2]), 2) : null"),
        (
            "p2_sc_ok",
            "single_champion != null and company.registered_in_guangdong == true and company.ai_robotics_field == true \
             and single_champion.first_recognised_year >= 2024 and single_champion.first_recognised_year <= 2026",
        ),
        ("P2_SC", "$.p2_sc_ok ? trunc(min([1 * single_champion.city_award, 3000000 / 2]), 2) : null"),
        // P3 benchmark project: 30% of the investment, at most 8,000,000, inside the date window.
        (
            "p3_ok",
            "benchmark_project != null and company.registered_in_guangdong == true \
             and benchmark_project.applicant_type in ['ai_enterprise', 'research_institution', 'manufacturer'] \
             and benchmark_project.in_guangdong == true \
             and date(benchmark_project.start_date) >= date('2022-07-01') \
             and date(benchmark_project.completion_date) <= date('2025-07-31') \
             and benchmark_project.quantified_results == true and benchmark_project.compliance_clean == true",
        ),
        ("P3", "$.p3_ok ? trunc(min([0.30 * benchmark_project.investment, 8000000]), 2) : null"),
        // P4 open source: more than 1,000,000 users or more than 200 enterprises; 30%, at most 8,000,000.
        (
            "p4_ok",
            "open_source != null and company.registered_in_guangdong == true and company.ai_robotics_field == true \
             and (open_source.active_users > 1000000 or open_source.enterprises_served > 200)",
        ),
        ("P4", "$.p4_ok ? trunc(min([0.30 * open_source.previous_year_operating_expenses, 8000000]), 2) : null"),
    ];
    let expressions: Vec<serde_json::Value> = expressions
        .iter()
        .enumerate()
        .map(|(i, (key, value))| serde_json::json!({ "id": format!("e{i}"), "key": key, "value": value }))
        .collect();
    serde_json::json!({
        "nodes": [
            { "id": "in", "name": "profile", "type": "inputNode", "content": {} },
            { "id": "calc", "name": "P1-P4", "type": "expressionNode",
              "content": { "expressions": expressions } },
            { "id": "out", "name": "amounts", "type": "outputNode", "content": {} }
        ],
        "edges": [
            { "id": "in-calc", "sourceId": "in", "targetId": "calc" },
            { "id": "calc-out", "sourceId": "calc", "targetId": "out" }
        ]
    })
}

/// The profile as the peer engine's input: the profile file's JSON, with amounts as exact decimal
/// numbers (the file writes them as strings; going through `f64` could change a fen).
pub fn zen_input(profile: &Profile) -> zen_engine::Variable {
    let json: serde_json::Value =
        serde_json::from_str(&profile.to_json_compact()).expect("the engine writes valid JSON");
    let input = zen_engine::Variable::from(json);
    for &field in Field::ALL {
        if let (FieldKind::Money, Value::Money(amount)) = (field.kind(), profile.get(field)) {
            input.dot_insert(&field.path(), zen_engine::Variable::Number(amount));
        }
    }
    input
}

/// The amount the peer engine gave under `key`: a number, or none for null.
pub fn zen_amount(result: &zen_engine::Variable, key: &str) -> Result<Option<Decimal>, String> {
    match result.dot(key) {
        None | Some(zen_engine::Variable::Null) => Ok(None),
        Some(zen_engine::Variable::Number(n)) => Ok(Some(n)),
        Some(other) => Err(format!("{key}: not a number: {other}")),
    }
}
