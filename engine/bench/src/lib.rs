//! Shared pieces of the engine benchmarks: a deterministic profile generator over the built-in
//! packs' questions, the two full profiles that the single-core figures are measured on, and the
//! peer engine's (GoRules ZEN) encoding of the quantified provincial programmes P1–P4.

use rust_decimal::Decimal;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::evaluate::pack_applies;
use subsidy_engine::fields::{Field, FieldKind, TopicId};
use subsidy_engine::profile::{NewValue, Value};
use subsidy_engine::rules::Library;
use subsidy_engine::{Date, Lang, Profile};

/// The as-of date of every benchmark (the provincial worked examples' date).
pub const AS_OF: &str = "2026-03-01";

pub fn as_of() -> Date {
    Date::parse(AS_OF).expect("AS_OF is a date")
}

/// The built-in packs (common, province, Shenzhen), read and checked once.
pub fn library() -> &'static Library {
    Library::builtin()
}

/// A provincial company (Guangzhou) with every provincial topic switched on and every question
/// answered, eligible for P1–P5: the most work one provincial evaluation does (conditions,
/// calculations, cap readings, notes). The answers are those of the version-1 file of earlier
/// builds, so that the side-by-side comparison with the previous build measures the same work.
pub const FULL_PROFILE_JSON: &str = include_str!("../profiles/full.json");

/// A Shenzhen company (Nanshan) with every provincial and every Shenzhen topic switched on and
/// every question answered, eligible for every programme of both packs.
pub const FULL_SHENZHEN_JSON: &str = include_str!("../profiles/full-shenzhen.json");

fn read_profile(name: &str, text: &str) -> Profile {
    let lib = library();
    Profile::from_json(lib, text).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message(lib, Lang::En)).collect();
        panic!("profiles/{name} is not a valid profile: {messages:?}")
    })
}

pub fn full_profile() -> Profile {
    read_profile("full.json", FULL_PROFILE_JSON)
}

pub fn full_shenzhen_profile() -> Profile {
    read_profile("full-shenzhen.json", FULL_SHENZHEN_JSON)
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

    /// One of `amounts` half of the time (values at and around a threshold), else up to `max_yuan`.
    fn money_around(&mut self, amounts: &[u64], max_yuan: u64) -> Decimal {
        if self.chance(50) {
            Decimal::from(self.pick(amounts))
        } else {
            self.money(max_yuan)
        }
    }

    /// A date between two dates (as days since 1970-01-01).
    fn date(&mut self, from: Date, to: Date) -> Date {
        let days = self.range(from.days_since_epoch() as u64, to.days_since_epoch() as u64);
        Date::from_days_since_epoch(days as i64).expect("in range")
    }
}

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// The cities the generator places companies in, other than Shenzhen (which it picks more often,
/// so that the city pack is evaluated on a good share of the profiles).
const OTHER_CITIES: [&str; 7] = ["guangzhou", "foshan", "dongguan", "huizhou", "zhuhai", "shantou", "hengqin"];
/// The share of companies placed in Shenzhen, in percent, unless `Generator::shenzhen_percent`
/// says otherwise.
pub const SHENZHEN_PERCENT: u64 = 30;

/// Valid credit codes, each stem completed with the check character that `CreditCode::parse` accepts.
/// One is registered outside Guangdong (division 11, Beijing), which gives a warning now and then.
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
    /// Any topic may be switched off and any answer unknown: what a batch of real users sends.
    Varied,
    /// The company's answers are all known, and every topic switched on is complete, so that every
    /// verdict is decided (what the peer engine's encoding needs: it has no "unknown").
    Decided,
}

/// A generator of valid profiles of the built-in packs whose values fall on both sides of every
/// threshold. Questions it has no plan for (a pack added later) get a value of their kind.
pub struct Generator {
    lib: &'static Library,
    rng: Rng,
    codes: Vec<CreditCode>,
    shape: Shape,
    shenzhen_percent: u64,
    as_of: Date,
    company: TopicId,
    city: Field,
}

impl Generator {
    pub fn new(seed: u64, shape: Shape) -> Generator {
        let lib = library();
        Generator {
            lib,
            rng: Rng::new(seed),
            codes: credit_codes(),
            shape,
            shenzhen_percent: SHENZHEN_PERCENT,
            as_of: as_of(),
            company: lib.topic_id("company").expect("a company topic"),
            city: lib.field("company.city").expect("a city question"),
        }
    }

    /// The same generator with another share of Shenzhen companies (0 for provincial companies
    /// only, whose evaluation is the provincial programmes').
    pub fn shenzhen_percent(mut self, percent: u64) -> Generator {
        self.shenzhen_percent = percent;
        self
    }

    /// A value kept with this probability (always in the decided shape); drawn either way, so that
    /// the two shapes draw the same sequence.
    fn known(&mut self, value: impl FnOnce(&mut Rng) -> NewValue) -> NewValue {
        let keep = self.shape == Shape::Decided || self.rng.chance(92);
        let v = value(&mut self.rng);
        if keep {
            v
        } else {
            NewValue::Unknown
        }
    }

    pub fn profile(&mut self, index: u64) -> Profile {
        let lib = self.lib;
        let mut profile = Profile::new(lib);
        // The company first: its city decides which packs (and so which topics) concern it.
        for field in lib.fields_of(self.company) {
            let value = self.company_value(field, index, &profile);
            let _ = profile.store(field, value);
        }
        for topic in lib.topic_ids().filter(|t| lib.topic(*t).is_optional()) {
            let present = self.rng.chance(70);
            // A topic of a pack that does not apply (Shenzhen's, for a Guangzhou company) is not
            // asked, so a real profile never has it.
            if !present || !pack_applies(lib.pack_of_topic(topic), &profile, self.as_of) {
                continue;
            }
            profile.set_topic(topic, true);
            for field in lib.fields_of(topic) {
                let value = self.known(|r| answer(lib, r, field, &profile));
                let _ = profile.store(field, value);
            }
        }
        debug_assert!(profile.validate(lib).is_empty(), "{}", profile.to_json_compact(lib));
        profile
    }

    fn company_value(&mut self, field: Field, index: u64, profile: &Profile) -> NewValue {
        let varied = self.shape == Shape::Varied;
        let question = self.lib.question(field);
        match question.id.as_str() {
            "company.name" => match !varied || self.rng.chance(80) {
                true => NewValue::Text(format!("广东某智能科技有限公司{index}")),
                false => NewValue::Unknown,
            },
            "company.credit_code" => match self.rng.chance(30) {
                true => {
                    let i = self.rng.range(0, self.codes.len() as u64 - 1) as usize;
                    NewValue::CreditCode(self.codes[i].clone())
                }
                false => NewValue::Unknown,
            },
            "company.city" => match !varied || self.rng.chance(90) {
                true if self.rng.chance(self.shenzhen_percent) => NewValue::Choice("shenzhen".into()),
                true => NewValue::Choice(self.rng.pick(&OTHER_CITIES).into()),
                false => NewValue::Unknown,
            },
            "company.registered_in_guangdong" | "company.ai_robotics_field" => {
                let v = NewValue::Bool(self.rng.chance(90));
                if varied && self.rng.chance(8) {
                    NewValue::Unknown
                } else {
                    v
                }
            }
            // A district only where the city has some, and one of that city's.
            "company.district" => match profile.get(self.city) {
                Value::Choice(city) => {
                    let within: Vec<&str> = question
                        .choices
                        .iter()
                        .filter(|c| c.within.as_deref() == Some(city))
                        .map(|c| c.id.as_str())
                        .collect();
                    if within.is_empty() {
                        NewValue::Unknown
                    } else {
                        let id = self.rng.pick(&within);
                        match varied && self.rng.chance(20) {
                            true => NewValue::Unknown,
                            false => NewValue::Choice(id.to_string()),
                        }
                    }
                }
                _ => NewValue::Unknown,
            },
            // The founding date (now and then under a year before the as-of date: a start-up rate).
            _ => {
                let lib = self.lib;
                self.known(|r| answer(lib, r, field, profile))
            }
        }
    }
}

/// A random answer to one question, placed around its thresholds where the rule data has some.
fn answer(lib: &Library, r: &mut Rng, field: Field, profile: &Profile) -> NewValue {
    let question = lib.question(field);
    let money = NewValue::Money;
    match question.id.as_str() {
        "company.founded" => NewValue::Date(r.date(day("2012-01-01"), day("2026-02-28"))),
        "little_giant.first_recognised_year" | "single_champion.first_recognised_year" => {
            NewValue::Year(r.year(2021, 2027))
        }
        "little_giant.city_award" | "single_champion.city_award" => {
            money(r.money_around(&[300_000, 500_000, 1_000_000, 1_500_000, 2_500_000], 4_000_000))
        }
        "innovation_centre.level" => choice(r, &["national", "provincial", "other"]),
        "innovation_centre.approval_year" => NewValue::Year(r.year(2023, 2028)),
        "innovation_centre.operating" => NewValue::Bool(r.chance(85)),
        "innovation_centre.equipment_cost" => money(r.money(200_000_000)),
        "innovation_centre.software_cost" => money(r.money(30_000_000)),
        "benchmark_project.applicant_type" => {
            choice(r, &["ai_enterprise", "research_institution", "manufacturer", "other"])
        }
        "benchmark_project.start_date" => NewValue::Date(r.date(day("2021-01-01"), day("2025-12-31"))),
        "benchmark_project.investment" => money(r.money(60_000_000)),
        "benchmark_project.in_guangdong"
        | "benchmark_project.compliance_clean"
        | "benchmark_project.independent_legal_person" => NewValue::Bool(r.chance(90)),
        "open_source.kind" => choice(r, &["community", "ecosystem_centre"]),
        "open_source.active_users" => NewValue::Count(r.range(0, 3_000_000)),
        "open_source.enterprises_served" => NewValue::Count(r.range(0, 400)),
        "open_source.previous_year_operating_expenses" => money(r.money(50_000_000)),
        "national_project.undertakes" | "national_project.meets_matching_conditions" => {
            NewValue::Bool(r.chance(80))
        }
        "national_project.estimated_provincial_matching" => money(r.money(300_000_000)),
        // Shenzhen: the compute voucher's 500,000 minimum (near miss 100,000) and 10,000,000 cap.
        "compute_rental.contract_amount" => {
            money(r.money_around(&[300_000, 450_000, 499_999, 500_000, 2_000_000, 25_000_000], 30_000_000))
        }
        "corpus_purchase.amount" => money(r.money(10_000_000)),
        "model_services.fees" => money(r.money(8_000_000)),
        "ai_application_project.investment" => money(r.money(50_000_000)),
        "ai_product_sales.annual_sales" => money(r.money(100_000_000)),
        _ => by_kind(lib, r, field, profile),
    }
}

fn choice(r: &mut Rng, ids: &[&str]) -> NewValue {
    NewValue::Choice(r.pick(ids).to_string())
}

/// A value of the question's kind, for questions without a plan of their own.
fn by_kind(lib: &Library, r: &mut Rng, field: Field, profile: &Profile) -> NewValue {
    let question = lib.question(field);
    match question.kind {
        FieldKind::Text => NewValue::Text(format!("文本{}", r.range(0, 999))),
        FieldKind::CreditCode => NewValue::Unknown,
        FieldKind::Bool => NewValue::Bool(r.chance(85)),
        FieldKind::Year => {
            let earliest = question.not_before.as_ref().and_then(|o| match profile.get(o.field) {
                Value::Year(y) => Some(y),
                _ => None,
            });
            NewValue::Year(match earliest {
                Some(y) => y + r.range(0, 3) as i32,
                None => r.year(2021, 2027),
            })
        }
        FieldKind::Date => {
            // After the date it may not precede (a completion after its start).
            let earliest = question.not_before.as_ref().and_then(|o| match profile.get(o.field) {
                Value::Date(d) => Some(d),
                _ => None,
            });
            match earliest {
                Some(start) => {
                    Date::from_days_since_epoch(start.days_since_epoch() + r.range(0, 1200) as i64)
                        .map_or(NewValue::Unknown, NewValue::Date)
                }
                None => NewValue::Date(r.date(day("2021-01-01"), day("2026-12-31"))),
            }
        }
        FieldKind::Money => NewValue::Money(r.money(50_000_000)),
        FieldKind::Count => NewValue::Count(r.range(0, 1_000)),
        FieldKind::Choice => {
            // A choice that depends on another answer: one that belongs to it.
            let parent = question.choices_within.as_ref().map(|p| profile.get(p.field));
            let ids: Vec<&str> = question
                .choices
                .iter()
                .filter(|c| match (&parent, &c.within) {
                    (Some(Value::Choice(p)), Some(w)) => p == w,
                    (Some(_), Some(_)) => false,
                    _ => true,
                })
                .map(|c| c.id.as_str())
                .collect();
            if ids.is_empty() {
                NewValue::Unknown
            } else {
                choice(r, &ids)
            }
        }
    }
}

/// The quantified programmes compared with the peer engine, with the keys its graph writes.
pub const COMPARED: [(&str, &str); 5] =
    [("P1", "P1"), ("P2-LG", "P2_LG"), ("P2-SC", "P2_SC"), ("P3", "P3"), ("P4", "P4")];

/// P1–P4 as a ZEN decision graph (JDM): input → one expression node → output. The expression node
/// writes each programme's amount in yuan, or null when the programme does not apply (its topic is
/// switched off) or a condition fails. Parameters are those of `rules/guangdong-province.json`.
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
             and benchmark_project.independent_legal_person == true \
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

/// The profile as the peer engine's input: one object per topic switched on (`null` for a topic
/// switched off), keyed like version-1 profile files, `{"company": {"city": …}, "little_giant":
/// null, …}`, with amounts as exact decimal numbers (going through `f64` could change a fen).
pub fn zen_input(profile: &Profile) -> zen_engine::Variable {
    let lib = library();
    let mut top = serde_json::Map::new();
    for topic in lib.topic_ids() {
        let section = if profile.has_topic(topic) {
            let mut entries = serde_json::Map::new();
            for field in lib.fields_of(topic) {
                entries.insert(key_of(lib, field).to_string(), json_value(profile.get(field)));
            }
            serde_json::Value::Object(entries)
        } else {
            serde_json::Value::Null
        };
        top.insert(lib.topic(topic).id.clone(), section);
    }
    let input = zen_engine::Variable::from(serde_json::Value::Object(top));
    for field in lib.fields() {
        if let Value::Money(amount) = profile.get(field) {
            input.dot_insert(&lib.question(field).id, zen_engine::Variable::Number(amount));
        }
    }
    input
}

/// A question's key within its topic: `city` for `company.city`.
fn key_of(lib: &Library, field: Field) -> &str {
    let id = &lib.question(field).id;
    id.split_once('.').map_or(id.as_str(), |(_, key)| key)
}

fn json_value(value: Value<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::Unknown => J::Null,
        Value::Bool(b) => J::Bool(b),
        Value::Count(n) => J::from(n),
        Value::Year(y) => J::from(y),
        // Replaced by an exact number in `zen_input`.
        Value::Money(m) => J::String(m.to_string()),
        Value::Date(d) => J::String(d.to_string()),
        Value::Choice(s) | Value::Text(s) => J::String(s.to_string()),
        Value::CreditCode(c) => J::String(c.as_str().to_string()),
        // The benchmark's profiles are exact; a range is written as the profile file writes it.
        Value::Range { low, high } => serde_json::json!({"low": low.to_string(), "high": high.to_string()}),
    }
}

/// The amount the peer engine gave under `key`: a number, or none for null.
pub fn zen_amount(result: &zen_engine::Variable, key: &str) -> Result<Option<Decimal>, String> {
    match result.dot(key) {
        None | Some(zen_engine::Variable::Null) => Ok(None),
        Some(zen_engine::Variable::Number(n)) => Ok(Some(n)),
        Some(other) => Err(format!("{key}: not a number: {other}")),
    }
}
