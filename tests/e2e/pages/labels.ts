// The visible words the specs act on, in both languages: the same labels a user reads.
//
// Field labels, topic questions, choices, programme titles, places and document numbers are read
// from the policy packs (engine/rules/*.json), the data the page itself is built from: a renamed
// label changes here with the pack and cannot drift. The page's own words come from src/i18n.rs,
// and verdicts and levels from the engine's explain.rs; those are written out below, so that a
// change of them breaks the specs here, in one place.
import fs from 'node:fs';
import path from 'node:path';

export type Lang = 'zh' | 'en';
type Text = Record<Lang, string>;

interface Choice { id: string; label: Text; within?: string }
interface Question { id: string; topic: string; kind: string; label: Text; choices?: Choice[] }
interface Topic { id: string; title: Text; ask?: Text }
/** `number` is null where no copy shows one: the page then names the document by `short`, or its title. */
interface Document { id: string; number: string | null; title: Text; short?: Text; in_force: { from: string; to: string | null } | null }
interface Citation { id: string; document: string }
interface Prefill { field: string; amount: string; cite: string }
/** An application round: its dates (a closing day may be unpublished) and how well it is sourced. */
export interface Window { round: number; from?: string; to?: string; label?: Text; confidence?: string }
interface Programme {
  id: string;
  title: Text;
  topic?: string;
  confidence?: string;
  confidence_note?: Text;
  apply?: { channel: Text; office: Text; window?: Text; documents?: Text[] };
  /** The documents the programme rests on, by id: in force while any of them is. */
  bases?: { document: string }[];
  windows?: Window[];
}
/** What a company in a place without a pack of some level is told: when the rules were reviewed, whom to ask. */
interface Coverage { level: 'city' | 'district'; field: string; reviewed: string; ask: Text; notes?: { text: Text; when?: { one_of: { field: string; values: string[] } } }[] }
/** "All public support on one contract at most a share of it": the pack's text and its other reading;
 * `when` names the question that decides whether the ceiling concerns the company (the same contract). */
export interface CombinedCeiling { id: string; programmes: string[]; base: string; rate: string; when?: { is?: { field: string } }; text: Text; alternative: Text; confidence: string }
export interface Pack {
  id: string;
  version: string;
  /** The day the pack's rules were last checked against the sources ("rules reviewed on"). */
  reviewed: string;
  level: 'common' | 'province' | 'city' | 'district';
  place: Text;
  topics: Topic[];
  questions: Question[];
  documents?: Document[];
  citations?: Citation[];
  programmes?: Programme[];
  prefills?: Prefill[];
  combined_ceilings?: CombinedCeiling[];
  coverage?: Coverage[];
  company_caps?: { id: string; programmes: string[]; cap: string; text: Text }[];
  /** Where a city or district pack applies: `{"one_of": {"field": "company.city", "values": [...]}}`. */
  applies?: { one_of: { field: string; values: string[] } };
}

export const rulesDir = path.resolve(__dirname, '..', '..', '..', 'engine', 'rules');

/** Every policy pack (a pack says its level; the older single rule file does not). */
export const packs: Pack[] = fs
  .readdirSync(rulesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(rulesDir, f), 'utf8')))
  .filter((p) => typeof p.level === 'string' && Array.isArray(p.topics));

function only<T>(found: T[], what: string): T {
  if (found.length !== 1) throw new Error(`labels.ts: ${what} is in ${found.length} packs, expected exactly 1`);
  return found[0];
}

export function pack(id: string): Pack {
  return only(packs.filter((p) => p.id === id), `pack ${id}`);
}

/** The pack of a level (and, for a city, its place in English): `packOf('city', 'Shenzhen')`. */
export function packOf(level: Pack['level'], placeEn?: string): Pack {
  return only(packs.filter((p) => p.level === level && (!placeEn || p.place.en === placeEn)), `a ${level} pack ${placeEn ?? ''}`);
}

export function question(id: string): Question {
  return only(packs.flatMap((p) => p.questions.filter((q) => q.id === id)), `question ${id}`);
}

export function topic(id: string): Topic {
  return only(packs.flatMap((p) => p.topics.filter((t) => t.id === id)), `topic ${id}`);
}

export function programme(id: string): Programme & { pack: Pack } {
  return only(packs.flatMap((p) => (p.programmes ?? []).filter((x) => x.id === id).map((x) => ({ ...x, pack: p }))), `programme ${id}`);
}

export function document(number: string): Document {
  return only(packs.flatMap((p) => (p.documents ?? []).filter((d) => d.number === number)), `document ${number}`);
}

/** A document by its id in the packs ("sz_ops_2026"): for those whose number is not known. */
export function documentById(id: string): Document {
  return only(packs.flatMap((p) => (p.documents ?? []).filter((d) => d.id === id)), `document id ${id}`);
}

/** What the packs tell a company in a place without a pack of this level (the common pack's coverage). */
export function coverage(level: Coverage['level']): Coverage {
  return only(packs.flatMap((p) => (p.coverage ?? []).filter((c) => c.level === level)), `coverage of the ${level} level`);
}

export function choice(questionId: string, choiceId: string): Choice {
  const found = (question(questionId).choices ?? []).filter((c) => c.id === choiceId);
  return only(found, `choice ${choiceId} of ${questionId}`);
}

/** The number of the document a pre-filled figure comes from ("穗府办规〔2025〕13号"). */
export function prefillSource(questionId: string): string {
  const [p, prefill] = only(packs.flatMap((p) => (p.prefills ?? []).filter((x) => x.field === questionId).map((x) => [p, x] as const)), `prefill of ${questionId}`);
  const cite = only((p.citations ?? []).filter((c) => c.id === prefill.cite), `citation ${prefill.cite}`);
  return only((p.documents ?? []).filter((d) => d.id === cite.document), `document ${cite.document}`).number!;
}

/** The DOM id of a question's control: `f-compute_rental-contract_amount`. */
export function controlId(questionId: string): string {
  return `f-${questionId.replaceAll('.', '-')}`;
}

// The questions, topics, choices and programmes the specs name, by the packs' ids.
export const FIELDS = {
  name: 'company.name',
  creditCode: 'company.credit_code',
  city: 'company.city',
  district: 'company.district',
  registered: 'company.registered_in_guangdong',
  aiField: 'company.ai_robotics_field',
  founded: 'company.founded',
  size: 'company.size',
  lgYear: 'little_giant.first_recognised_year',
  lgAward: 'little_giant.city_award',
  level: 'innovation_centre.level',
  approvalYear: 'innovation_centre.approval_year',
  operating: 'innovation_centre.operating',
  equipment: 'innovation_centre.equipment_cost',
  software: 'innovation_centre.software_cost',
  applicantType: 'benchmark_project.applicant_type',
  start: 'benchmark_project.start_date',
  completion: 'benchmark_project.completion_date',
  investment: 'benchmark_project.investment',
  inGuangdong: 'benchmark_project.in_guangdong',
  activeUsers: 'open_source.active_users',
  enterprises: 'open_source.enterprises_served',
  opex: 'open_source.previous_year_operating_expenses',
  computeAmount: 'compute_rental.contract_amount',
  computeTrains: 'compute_rental.trains_large_models',
  computeNonAffiliated: 'compute_rental.non_affiliated',
  computeListed: 'compute_rental.listed_provider',
  nationalKeyProject: 'company.national_key_project',
  modelFees: 'model_services.fees',
  modelDemandSide: 'model_services.demand_side',
  modelCacFiled: 'model_services.cac_filed_model',
  modelFinished: 'model_services.project_finished',
  lgSpend: 'longgang_compute.spend',
  lgSameContract: 'longgang_compute.same_contract',
  gmSpend: 'guangming_compute.annual_spend',
  gmSameContract: 'guangming_compute.same_contract',
  gmCorpusAmount: 'guangming_corpus.amount',
  gmCorpusNonAffiliated: 'guangming_corpus.non_affiliated',
  gmCorpusOnPlatform: 'guangming_corpus.on_trading_platform',
  zhSpend: 'zhuhai_compute.spend',
  dgServiceAmount: 'dongguan_compute.service_amount',
  dgViaPlatform: 'dongguan_compute.via_city_platform',
  dgWorkshopInvestment: 'dongguan_smart_workshop.investment',
  hzLlmFiling: 'haizhu_filing.first_llm_filing',
  hzAlgorithmFiling: 'haizhu_filing.first_algorithm_filing',
  hzScenarioInvestment: 'haizhu_scenario.investment',
  byComputeSpend: 'baiyun_compute.spend',
} as const;

export const TOPICS = {
  littleGiant: 'little_giant',
  singleChampion: 'single_champion',
  innovationCentre: 'innovation_centre',
  benchmark: 'benchmark_project',
  openSource: 'open_source',
  nationalProject: 'national_project',
  compute: 'compute_rental',
  corpus: 'corpus_purchase',
  model: 'model_services',
  szApplication: 'ai_application_project',
  szProducts: 'ai_product_sales',
  govScenario: 'gov_scenario',
  longgangCompute: 'longgang_compute',
  guangmingCompute: 'guangming_compute',
  guangmingCorpus: 'guangming_corpus',
  zhuhaiCompute: 'zhuhai_compute',
  dongguanCompute: 'dongguan_compute',
  dongguanWorkshop: 'dongguan_smart_workshop',
  haizhuFiling: 'haizhu_filing',
  haizhuScenario: 'haizhu_scenario',
  baiyunCompute: 'baiyun_compute',
} as const;

export const CHOICES = {
  provincial: ['innovation_centre.level', 'provincial'],
  national: ['innovation_centre.level', 'national'],
  manufacturer: ['benchmark_project.applicant_type', 'manufacturer'],
  guangzhou: ['company.city', 'guangzhou'],
  shenzhen: ['company.city', 'shenzhen'],
  foshan: ['company.city', 'foshan'],
  zhuhai: ['company.city', 'zhuhai'],
  dongguan: ['company.city', 'dongguan'],
  huizhou: ['company.city', 'huizhou'],
  guangming: ['company.district', 'guangming'],
  haizhu: ['company.district', 'haizhu'],
  huangpu: ['company.district', 'huangpu'],
  nanshan: ['company.district', 'nanshan'],
  longgang: ['company.district', 'longgang'],
  baoan: ['company.district', 'baoan'],
  qianhai: ['company.district', 'qianhai'],
  tianhe: ['company.district', 'tianhe'],
  futian: ['company.district', 'futian'],
  baiyun: ['company.district', 'baiyun'],
  smallMicro: ['company.size', 'small_micro'],
} as const;

export const PROGRAMMES = [
  'P1', 'P2-LG', 'P2-SC', 'P3', 'P4', 'P5', 'P2-LG-CITY', 'P2-SC-CITY',
  'SZ-COMPUTE', 'SZ-CORPUS', 'SZ-MODEL', 'SZ-DEMO', 'SZ-BENCH', 'SZ-BESTSELLER', 'SZ-GOVSCENE',
  'LG-COMPUTE', 'GM-COMPUTE', 'GM-CORPUS', 'ZH-COMPUTE', 'DG-COMPUTE', 'DG-WORKSHOP',
  'HZ-LLM-FILING', 'HZ-ALGO-FILING', 'HZ-SCENARIO', 'BY-COMPUTE',
] as const;

export type FieldName = keyof typeof FIELDS;
export type TopicName = keyof typeof TOPICS;
export type ChoiceName = keyof typeof CHOICES;
export type ProgrammeId = (typeof PROGRAMMES)[number];

/** The page's own words (src/i18n.rs) and the engine's fixed words (engine/src/explain.rs). */
const PAGE = {
  zh: {
    languageButton: '中文',
    yes: '是',
    no: '否',
    print: '打印资格测算单',
    export: '导出档案',
    import: '导入档案',
    share: '生成分享链接',
    startOver: '清空重填',
    tabRules: '规则一览',
    asOf: '测算基准日',
    choose: '— 请选择 —',
    unit: '单位',
    wan: '万元',
    sourced: '依据可靠程度',
    howToApply: '申报方式',
    window: '申报时间',
    toPrepare: '需准备的材料',
    imported: '档案已导入。',
    restsOn: '依据文件',
    groupEligible: '符合',
    rulesReviewed: '规则核对日期',
    policyPacks: '政策包版本',
    coverageHeading: '本工具收录的政策范围',
    verdict: {
      eligible: '符合',
      competitive: '符合·竞争性',
      not: '不符合',
      notInForce: '不符合（文件不在有效期内）',
      // Eligible, but the 50% combined ceiling leaves nothing (the badge is not a plain ✓).
      cutByCeiling: '符合，受 50% 合计上限限制后为 0 元',
      undetermined: '待定：缺少信息',
      depends: '待定：取决于实际数值',
      notApplicable: '不适用（未填写）',
    },
    level: { province: '省级', city: '市级', district: '区级' },
    confidence: { text: '见正式文本', news: '据新闻摘要', news_weak: '仅一处二手来源', inferred: '本工具的解读' },
  },
  en: {
    languageButton: 'English',
    yes: 'Yes',
    no: 'No',
    print: 'Print eligibility sheet',
    export: 'Export profile',
    import: 'Import profile',
    share: 'Make a share link',
    startOver: 'Start over',
    tabRules: 'The rules',
    asOf: 'As-of date',
    choose: '— choose —',
    unit: 'Unit',
    wan: '10k yuan (万元)',
    sourced: 'Sourced from',
    howToApply: 'How to apply',
    window: 'Window',
    toPrepare: 'To prepare',
    imported: 'Profile imported.',
    restsOn: 'Rests on',
    groupEligible: 'Eligible',
    rulesReviewed: 'Rules reviewed on',
    policyPacks: 'Policy packs',
    coverageHeading: 'What the estimator covers for you',
    verdict: {
      eligible: 'Eligible',
      competitive: 'Eligible · competitive',
      not: 'Not eligible',
      notInForce: 'Not eligible (document not in force)',
      cutByCeiling: 'Eligible, ¥0 after the 50% ceiling',
      undetermined: 'Undetermined: information missing',
      depends: 'Depends on where your figures fall',
      notApplicable: 'Not applicable (not filled in)',
    },
    level: { province: 'Province', city: 'City', district: 'District' },
    confidence: { text: 'official text', news: 'news summaries', news_weak: 'one secondary source only', inferred: 'our reading' },
  },
} as const;

function map<K extends string, V>(keys: Record<K, V>, f: (v: V) => string): Record<K, string> {
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, f(v as V)])) as Record<K, string>;
}

function wordsIn(lang: Lang) {
  return {
    ...PAGE[lang],
    /** The switch of each topic ("We rent intelligent compute to train large models"). */
    q: map(TOPICS, (id) => {
      const ask = topic(id).ask;
      if (!ask) throw new Error(`labels.ts: topic ${id} has no switch`);
      return ask[lang];
    }),
    field: map(FIELDS, (id) => question(id).label[lang]),
    choice: map(CHOICES, ([q, c]) => choice(q, c).label[lang]),
    programme: Object.fromEntries(PROGRAMMES.map((id) => [id, programme(id).title[lang]])) as Record<ProgrammeId, string>,
  };
}

export type Words = ReturnType<typeof wordsIn>;

export const words: Record<Lang, Words> = { zh: wordsIn('zh'), en: wordsIn('en') };

/** A programme's "Sourced from" line as the page writes it: label, confidence, the pack's note. */
export function confidenceLine(id: ProgrammeId, lang: Lang): string {
  const p = programme(id);
  const label = PAGE[lang].confidence[(p.confidence ?? 'text') as keyof (typeof PAGE)['en']['confidence']];
  const note = p.confidence_note ? ` — ${p.confidence_note[lang]}` : '';
  return `${PAGE[lang].sourced}: ${label}${note}`;
}
