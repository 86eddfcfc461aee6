import type { z } from 'zod';
import type { EntityKindName, entityKinds } from '../domain/entity-kinds.js';
import type { Recipient } from '../domain/model/bank-details.js';
import type { Organization } from '../domain/model/organization.js';
import { withInn10Check, withOgrnCheck, withSettlementKey } from './check-digits.js';
import { RandomSource } from './random-source.js';
import {
  buildingLabel,
  CITIES,
  type City,
  cityPhone,
  houseAddress,
  mobilePhone,
  STREETS,
  type Street,
  streetLabel,
} from './russian-addresses.js';
import {
  fullName,
  type Gender,
  MALE_NAMES,
  type PersonName,
  randomPerson,
  translit,
} from './russian-names.js';

/**
 * A seeded, deterministic, streaming generator of realistic demo data in the canonical model's API
 * input form. Records come out in dependency order: services, tariffs, then house by house — the
 * house, its premises, accounts, meters, readings, balances, receipts, payments, transactions and
 * is74 contracts. Only one house's records are held at a time, so memory does not grow with the
 * number of accounts.
 */

export interface DemoOptions {
  /** Same seed and options → the very same sequence. Default 1. */
  seed?: number;
  /** Exactly this many лицевых счетов are produced (the last house may be partial). */
  accounts: number;
  /** Billing period "YYYY-MM" the receipts, readings and payments belong to. Default "2026-10". */
  period?: string;
  /** Organisation slug. Default "demo". */
  orgId?: string;
}

type InputOf<K extends EntityKindName> = z.input<(typeof entityKinds)[K]['schema']>;

/** One generated record with its kind; `record` is in the schema's API input form. */
export type DemoRecord = { [K in EntityKindName]: { kind: K; record: InputOf<K> } }[EntityKindName];

export type OrganizationInput = z.input<typeof Organization>;
type RecipientInput = z.input<typeof Recipient>;

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_PERIOD = '2026-10';
export const DEFAULT_DEMO_ORG_ID = 'demo';

// ---------------------------------------------------------------------------------------------------
// Formatting (everything is computed in integers and formatted at the end)

/** Kopecks → "4225.57" / "-12.05". */
function rub(kopecks: number): string {
  const abs = Math.abs(kopecks);
  const frac = abs % 100;
  return `${kopecks < 0 ? '-' : ''}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

/** An integer scaled by 10^scale → exact decimal string: (12345, 3) → "12.345". */
function dec(scaled: number, scale: number): string {
  if (scale === 0) return String(scaled);
  const abs = Math.abs(scaled);
  const div = 10 ** scale;
  const frac = abs % div;
  return `${scaled < 0 ? '-' : ''}${(abs - frac) / div}.${String(frac).padStart(scale, '0')}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Month arithmetic on (year, month) pairs. */
function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

function uuidV4(rng: RandomSource): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(rng.uint32());
  const b = hex(rng.uint32());
  const c = hex(rng.uint32());
  const d = hex(rng.uint32());
  const variant = '89ab'[rng.uint32() % 4];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

// ---------------------------------------------------------------------------------------------------
// Services and tariffs

interface ServiceDef {
  id: string;
  name: string;
  shortName: string;
  measure: string;
  provider?: string;
}

const WATER = 'МУП «Производственное объединение водоснабжения и водоотведения»';
const HEAT = 'АО «Городская теплосеть»';

export const DEMO_SERVICES: readonly ServiceDef[] = [
  { id: 'sod', name: 'Содержание жилого помещения', shortName: 'Содержание', measure: 'м²' },
  { id: 'hvs', name: 'Холодное водоснабжение', shortName: 'ХВС', measure: 'м³', provider: WATER },
  {
    id: 'gvs_tn',
    name: 'Горячее водоснабжение (теплоноситель)',
    shortName: 'ГВС: теплоноситель',
    measure: 'м³',
    provider: HEAT,
  },
  {
    id: 'gvs_te',
    name: 'Горячее водоснабжение (тепловая энергия)',
    shortName: 'ГВС: тепловая энергия',
    measure: 'Гкал',
    provider: HEAT,
  },
  { id: 'vo', name: 'Водоотведение', shortName: 'Водоотведение', measure: 'м³', provider: WATER },
  { id: 'otop', name: 'Отопление', shortName: 'Отопление', measure: 'Гкал', provider: HEAT },
  {
    id: 'el',
    name: 'Электроснабжение',
    shortName: 'Электроэнергия',
    measure: 'кВт·ч',
    provider: 'АО «Энергосбыт»',
  },
  {
    id: 'tko',
    name: 'Обращение с твёрдыми коммунальными отходами',
    shortName: 'Вывоз ТКО',
    measure: 'чел.',
    provider: 'Региональный оператор по обращению с ТКО',
  },
  {
    id: 'kapr',
    name: 'Взнос на капитальный ремонт',
    shortName: 'Капитальный ремонт',
    measure: 'м²',
    provider: 'Региональный оператор капитального ремонта',
  },
  { id: 'domofon', name: 'Обслуживание домофона', shortName: 'Домофон', measure: 'кв.' },
  { id: 'antenna', name: 'Коллективная телевизионная антенна', shortName: 'Антенна', measure: 'кв.' },
  { id: 'video', name: 'Видеонаблюдение', shortName: 'Видеонаблюдение', measure: 'кв.' },
  {
    id: 'hvs_soi',
    name: 'Холодная вода на содержание общего имущества',
    shortName: 'ХВС на СОИ',
    measure: 'м³',
  },
  {
    id: 'gvs_soi',
    name: 'Горячая вода на содержание общего имущества',
    shortName: 'ГВС на СОИ',
    measure: 'м³',
  },
  {
    id: 'el_soi',
    name: 'Электроэнергия на содержание общего имущества',
    shortName: 'Электроэнергия на СОИ',
    measure: 'кВт·ч',
  },
  {
    id: 'vo_soi',
    name: 'Водоотведение на содержание общего имущества',
    shortName: 'Водоотведение на СОИ',
    measure: 'м³',
  },
  { id: 'lift', name: 'Содержание и ремонт лифтов', shortName: 'Лифт', measure: 'м²' },
  { id: 'uborka', name: 'Уборка мест общего пользования', shortName: 'Уборка МОП', measure: 'м²' },
];

const SERVICE_BY_ID = new Map(DEMO_SERVICES.map((s) => [s.id, s]));

function serviceName(id: string): string {
  return SERVICE_BY_ID.get(id)?.name ?? id;
}

function serviceMeasure(id: string): string {
  return SERVICE_BY_ID.get(id)?.measure ?? '';
}

/** Rates in kopecks per unit of the service's measure. */
const RATE = {
  sod: 3245,
  hvs: 4137,
  gvs_tn: 4137,
  gvs_te: 268542,
  vo: 3284,
  otop: 268542,
  el: 512,
  elDay: 589,
  elNight: 318,
  tko: 13856,
  kapr: 1295,
  domofon: 6500,
  antenna: 11000,
  video: 9000,
  hvs_soi: 4137,
  gvs_soi: 4137,
  el_soi: 512,
  vo_soi: 3284,
  lift: 485,
  uborka: 320,
} as const;

interface TariffDef {
  id: string;
  name: string;
  serviceId?: string;
  rate?: number;
  cost?: number;
  measure?: string;
  options?: { category?: string; name: string; value: string }[];
}

const PER_UNIT_TARIFFS: readonly TariffDef[] = [
  ...DEMO_SERVICES.filter((s) => s.id !== 'el' && s.measure !== 'кв.').map(
    (s): TariffDef => ({
      id: `t-${s.id}`,
      name: s.name,
      serviceId: s.id,
      rate: RATE[s.id as keyof typeof RATE],
      measure: s.measure,
    }),
  ),
  { id: 't-el', name: 'Электроснабжение, одноставочный', serviceId: 'el', rate: RATE.el, measure: 'кВт·ч' },
  {
    id: 't-el-day',
    name: 'Электроснабжение, дневная зона (T1)',
    serviceId: 'el',
    rate: RATE.elDay,
    measure: 'кВт·ч',
  },
  {
    id: 't-el-night',
    name: 'Электроснабжение, ночная зона (T2)',
    serviceId: 'el',
    rate: RATE.elNight,
    measure: 'кВт·ч',
  },
  {
    id: 't-domofon',
    name: 'Обслуживание домофона',
    serviceId: 'domofon',
    cost: RATE.domofon,
    measure: 'кв.',
  },
  { id: 't-antenna', name: 'Коллективная антенна', serviceId: 'antenna', cost: RATE.antenna, measure: 'кв.' },
  { id: 't-video', name: 'Видеонаблюдение', serviceId: 'video', cost: RATE.video, measure: 'кв.' },
];

/**
 * Packages sold by is74 (Интерсвязь): the tariffs is74 contracts refer to. Money inside is74 option
 * values is in kopecks, as is74 itself transmits it (a -100 ₽ blocking threshold is "-10000").
 */
const IS74_TARIFFS: readonly TariffDef[] = [
  {
    id: 'is74-domofon',
    name: 'Домофония',
    serviceId: 'domofon',
    cost: 6500,
    options: [{ category: 'Блокировка', name: 'Порог блокировки', value: '-10000' }],
  },
  {
    id: 'is74-video',
    name: 'Видеонаблюдение',
    serviceId: 'video',
    cost: 9000,
    options: [{ category: 'Блокировка', name: 'Порог блокировки', value: '-10000' }],
  },
  {
    id: 'is74-kosmos',
    name: 'Космос',
    cost: 65000,
    options: [
      { category: 'Состав', name: 'Услуги', value: 'Домофония, интернет 500 Мбит/с, видеонаблюдение' },
    ],
  },
  {
    id: 'is74-snezhny',
    name: 'Снежный',
    options: [{ category: 'Состав', name: 'Услуги', value: 'Домофония' }],
  },
];

// ---------------------------------------------------------------------------------------------------
// Context shared by the whole run

interface Context {
  seed: number;
  period: string;
  year: number;
  month: number;
  periodStart: string;
  periodEnd: string;
  prevPeriod: string;
  monthName: string;
  primaryCity: City;
  recipient: RecipientInput;
  /** Last house number used per city × street (bounded: cities × streets entries). */
  streetNumbers: Map<string, number>;
}

function normaliseSeed(seed: number | undefined): number {
  const s = seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isFinite(s)) throw new RangeError(`seed ${String(seed)} is not a finite number`);
  return Math.trunc(s) >>> 0;
}

function parsePeriodOption(period: string | undefined): { year: number; month: number; period: string } {
  const p = period ?? DEFAULT_DEMO_PERIOD;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  // Birth dates and meter installations reach ~90 years back, verifications ~16 years ahead: keep every
  // generated date inside the domain's 1900–2199 window.
  if (!m || year < 2000 || year > 2180 || month < 1 || month > 12) {
    throw new RangeError(`period "${p}" must be YYYY-MM between 2000-01 and 2180-12`);
  }
  return { year, month, period: p };
}

const CITY_WEIGHTS = CITIES.map((c) => (c.name === 'Челябинск' ? 6 : c.name === 'Москва' ? 2 : 1));

const ORG_NAMES = [
  'Уютный дом',
  'Комфорт',
  'Жилсервис',
  'Созвездие',
  'Наш дом',
  'Доверие',
  'Территория уюта',
  'Северный квартал',
  'Городская управляющая компания',
  'Домовой',
  'Гранит',
  'Восход',
];

interface OrgParts {
  org: OrganizationInput;
  city: City;
}

function buildOrganization(opts: Partial<DemoOptions>): OrgParts {
  const seed = normaliseSeed(opts.seed);
  const rng = RandomSource.derive(seed, 'organization');
  const city = rng.weighted(CITIES, CITY_WEIGHTS);
  const inspection = pad2(rng.int(47, 53));
  const inn = withInn10Check(`${city.region}${inspection}${rng.digits(5)}`);
  const kpp = `${inn.slice(0, 4)}01001`;
  const ogrn = withOgrnCheck(`1${pad2(rng.int(2, 21))}${city.region}${inspection}${rng.digits(5)}`);
  const shortName = rng.pick(ORG_NAMES);
  const name = `ООО «Управляющая компания „${shortName}“»`;
  const sberBik = '044525225';
  const bankAccounts: OrganizationInput['bankAccounts'] = [
    {
      bik: sberBik,
      account: withSettlementKey(
        `40702810${0}${rng.pick(['3800', '3804', '3810', '7200'])}${rng.digits(7)}`,
        sberBik,
      ),
      corrAccount: '30101810400000000225',
      bankName: 'ПАО Сбербанк',
    },
  ];
  if (city.region === '74') {
    const bik = '047501602';
    bankAccounts.push({
      bik,
      account: withSettlementKey(`40702810${0}7209${rng.digits(7)}`, bik),
      corrAccount: '30101810700000000602',
      bankName: 'Челябинское отделение № 8597 ПАО Сбербанк',
    });
  }
  const slug = translit(shortName).slice(0, 20);
  const org: OrganizationInput = {
    id: opts.orgId ?? DEFAULT_DEMO_ORG_ID,
    name,
    inn,
    kpp,
    ogrn,
    bankAccounts,
    phone: cityPhone(city, `${rng.int(2, 7)}${rng.digits(6)}`),
    email: `info@uk-${slug}.ru`,
  };
  return { org, city };
}

/**
 * The organisation the demo data belongs to: a valid ИНН-10, КПП and ОГРН, and settlement accounts
 * whose ЦБ РФ keys match their banks' БИК (ПАО Сбербанк 044525225, and for a Челябинская область
 * company also its Челябинское отделение 047501602).
 */
export function demoOrganization(opts: Partial<DemoOptions> = {}): OrganizationInput {
  return buildOrganization(opts).org;
}

function makeContext(opts: DemoOptions): Context {
  const seed = normaliseSeed(opts.seed);
  const { year, month, period } = parsePeriodOption(opts.period);
  const { org, city } = buildOrganization(opts);
  const bank = org.bankAccounts?.[0];
  if (!bank) throw new Error('demo organisation has no bank account');
  const prev = addMonths(year, month, -1);
  return {
    seed,
    period,
    year,
    month,
    periodStart: ymd(year, month, 1),
    periodEnd: ymd(year, month, daysInMonth(year, month)),
    prevPeriod: `${prev.year}-${pad2(prev.month)}`,
    monthName: MONTH_NAMES[month - 1] ?? '',
    primaryCity: city,
    recipient: {
      bik: bank.bik,
      account: bank.account,
      corrAccount: bank.corrAccount,
      bankName: bank.bankName,
      inn: org.inn,
      kpp: org.kpp,
      name: org.name,
    },
    streetNumbers: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Houses

interface Layout {
  floors: number;
  entrances: [number, number];
  perFloor: number;
  built: [number, number];
  weight: number;
}

const LAYOUTS: readonly Layout[] = [
  { floors: 5, entrances: [2, 6], perFloor: 4, built: [1958, 1975], weight: 30 },
  { floors: 9, entrances: [2, 5], perFloor: 4, built: [1970, 1995], weight: 25 },
  { floors: 10, entrances: [1, 4], perFloor: 4, built: [1975, 2000], weight: 15 },
  { floors: 12, entrances: [1, 3], perFloor: 4, built: [1980, 2005], weight: 8 },
  { floors: 16, entrances: [1, 3], perFloor: 4, built: [1988, 2022], weight: 10 },
  { floors: 17, entrances: [1, 2], perFloor: 5, built: [2005, 2023], weight: 7 },
  { floors: 25, entrances: [1, 1], perFloor: 8, built: [2010, 2024], weight: 5 },
];
const LAYOUT_WEIGHTS = LAYOUTS.map((l) => l.weight);

interface HouseState {
  index: number;
  id: string;
  rng: RandomSource;
  city: City;
  floors: number;
  perFloor: number;
  built: number;
  hasLift: boolean;
  heatMeters: boolean;
  /** Norms per m² of the flat's area (units noted on each). */
  heatNorm6: number; // 10⁻⁶ Гкал/м²
  hvsSoi6: number; // 10⁻⁶ м³/м²
  gvsSoi6: number; // 10⁻⁶ м³/м²
  elSoi3: number; // 10⁻³ кВт·ч/м²
  cadastralQuarter: string;
  accountPrefix: string;
  domofonShare: number;
  antennaShare: number;
  videoShare: number;
}

function nextHouseNumber(ctx: Context, rng: RandomSource, city: City, street: Street): [number, number?] {
  const key = `${city.name}|${streetLabel(street)}`;
  const last = ctx.streetNumbers.get(key);
  if (last !== undefined && rng.chance(0.2)) {
    // Another корпус of the last number ("д. 12, корп. 2").
    return [last, rng.int(2, 4)];
  }
  const next = (last ?? 0) + rng.int(1, 4);
  ctx.streetNumbers.set(key, next);
  return [next];
}

function roomsArea(rng: RandomSource, built: number, rooms: number): number {
  // Tenths of m².
  if (built < 1976)
    return [0, rng.int(300, 335), rng.int(415, 465), rng.int(555, 610), rng.int(620, 680)][rooms] ?? 450;
  if (built < 2000)
    return [0, rng.int(330, 390), rng.int(480, 560), rng.int(620, 720), rng.int(760, 880)][rooms] ?? 520;
  return [0, rng.int(340, 450), rng.int(520, 680), rng.int(720, 920), rng.int(950, 1250)][rooms] ?? 600;
}

// ---------------------------------------------------------------------------------------------------
// Per-account computation

interface LineCalc {
  serviceId: string;
  name: string;
  charge: number;
  privilege: number;
  recalculation: number;
  toPay: number;
  volume: string;
  tariff: string;
  measure: string;
}

function line(
  serviceId: string,
  volumeScaled: number,
  scale: number,
  tariffKop: number,
  name?: string,
): LineCalc {
  const charge = Math.round((volumeScaled * tariffKop) / 10 ** scale);
  return {
    serviceId,
    name: name ?? serviceName(serviceId),
    charge,
    privilege: 0,
    recalculation: 0,
    toPay: charge,
    volume: dec(volumeScaled, scale),
    tariff: rub(tariffKop),
    measure: serviceMeasure(serviceId),
  };
}

const RESOURCE_SERVICE = { cold_water: 'hvs', hot_water: 'gvs_tn', electricity: 'el', heat: 'otop' } as const;
type Resource = keyof typeof RESOURCE_SERVICE;
/** Interval between verifications (межповерочный интервал), years. */
const VERIFICATION_YEARS: Record<Resource, number> = {
  cold_water: 6,
  hot_water: 6,
  electricity: 16,
  heat: 4,
};

const PRIVILEGE_SERVICES = new Set(['sod', 'kapr', 'otop', 'hvs', 'gvs_tn', 'gvs_te', 'vo', 'el']);
const BALANCE_SERVICES = ['sod', 'otop', 'hvs', 'gvs_te', 'el', 'kapr', 'vo'];
const PAYMENT_CHANNELS = [
  'Сбербанк Онлайн',
  'Сбербанк Онлайн',
  'Сбербанк Онлайн',
  'Касса банка',
  'Почта России',
  'Терминал',
  'Мобильное приложение',
];
const READING_SOURCES = [
  'resident',
  'resident',
  'resident',
  'platform',
  'platform',
  'billing',
  'inspector',
] as const;
const EMAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'rambler.ru', 'inbox.ru'];
const ELS_LETTERS = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';

interface HouseBatch {
  premises: DemoRecord[];
  accounts: DemoRecord[];
  meters: DemoRecord[];
  readings: DemoRecord[];
  balances: DemoRecord[];
  receipts: DemoRecord[];
  payments: DemoRecord[];
  transactions: DemoRecord[];
  contracts: DemoRecord[];
}

interface PersonInput {
  id: string;
  fullName: string;
  isOwner: boolean;
  isTenant: boolean;
  share?: string;
  birthDate: string;
  phones: string[];
  emails: string[];
}

function email(rng: RandomSource, p: PersonName, birthYear: number): string {
  const first = translit(p.firstName);
  const last = translit(p.surname);
  const local = rng.pick([
    `${first}.${last}`,
    `${last}${birthYear % 100 < 10 ? '0' : ''}${birthYear % 100}`,
    `${first[0] ?? 'x'}${last}${rng.int(1, 999)}`,
    `${last}.${first}${birthYear}`,
  ]);
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

function birthDate(rng: RandomSource, ctx: Context, age: number): { date: string; year: number } {
  const year = ctx.year - age;
  return { date: ymd(year, rng.int(1, 12), rng.int(1, 28)), year };
}

interface Household {
  persons: PersonInput[];
  ownerName: string;
  ownerType: 'person' | 'company';
  phones: string[];
  emails: string[];
  residents: number;
}

function household(rng: RandomSource, ctx: Context, house: HouseState, accountNumber: string): Household {
  const size = rng.weighted([1, 2, 3, 4], [25, 35, 25, 15]);
  const persons: PersonInput[] = [];
  const municipal = rng.chance(0.03);
  const ownerGender: Gender = rng.chance(0.52) ? 'female' : 'male';
  const owner = randomPerson(rng, ownerGender);
  const ownerAge = rng.int(24, 88);
  const ownerBirth = birthDate(rng, ctx, ownerAge);
  const ownerPhones = rng.chance(0.9) ? [mobilePhone(rng.digits(9))] : [];
  if (ownerPhones.length > 0 && rng.chance(0.1)) ownerPhones.push(mobilePhone(rng.digits(9)));
  const ownerEmails = rng.chance(0.35) ? [email(rng, owner, ownerBirth.year)] : [];
  const ownerLivesHere = municipal || rng.chance(0.88);
  persons.push({
    id: `${accountNumber}-p1`,
    fullName: fullName(owner),
    isOwner: !municipal,
    isTenant: ownerLivesHere,
    birthDate: ownerBirth.date,
    phones: ownerPhones,
    emails: ownerEmails,
  });
  let fatherIndex = owner.gender === 'male' ? owner.maleNameIndex : rng.int(0, MALE_NAMES.length - 1);
  if (size >= 2) {
    const spouseGender: Gender = ownerGender === 'male' ? 'female' : 'male';
    const spouse = randomPerson(rng, spouseGender, owner.familySurname);
    if (spouse.gender === 'male') fatherIndex = spouse.maleNameIndex;
    const spouseAge = Math.max(20, ownerAge + rng.int(-6, 6));
    const b = birthDate(rng, ctx, spouseAge);
    const coOwner = !municipal && rng.chance(0.5);
    if (coOwner) persons[0]!.share = '1/2';
    persons.push({
      id: `${accountNumber}-p2`,
      fullName: fullName(spouse),
      isOwner: coOwner,
      isTenant: ownerLivesHere || rng.chance(0.5),
      ...(coOwner ? { share: '1/2' } : {}),
      birthDate: b.date,
      phones: rng.chance(0.5) ? [mobilePhone(rng.digits(9))] : [],
      emails: rng.chance(0.1) ? [email(rng, spouse, b.year)] : [],
    });
  } else if (!municipal) {
    persons[0]!.share = '1';
  }
  for (let i = 3; i <= size; i++) {
    const child = randomPerson(rng, rng.chance(0.5) ? 'male' : 'female', owner.familySurname, fatherIndex);
    const age = Math.max(0, Math.min(ownerAge - 20, rng.int(0, 30)));
    const b = birthDate(rng, ctx, age);
    const adult = age >= 18;
    persons.push({
      id: `${accountNumber}-p${i}`,
      fullName: fullName(child),
      isOwner: false,
      isTenant: true,
      birthDate: b.date,
      phones: adult && rng.chance(0.4) ? [mobilePhone(rng.digits(9))] : [],
      emails: adult && rng.chance(0.15) ? [email(rng, child, b.year)] : [],
    });
  }
  let residents = 0;
  for (const p of persons) if (p.isTenant) residents++;
  return {
    persons,
    ownerName: municipal ? `Комитет по управлению имуществом г. ${house.city.name}` : fullName(owner),
    ownerType: municipal ? 'company' : 'person',
    phones: municipal ? (persons[0]?.phones ?? []) : ownerPhones,
    emails: municipal ? (persons[0]?.emails ?? []) : ownerEmails,
    residents,
  };
}

/**
 * ЕЛС: region, two Cyrillic capitals, six digits — unique per account index. The six digits are a
 * bijective scramble of the index (7919 is coprime to 10⁶), the letters count the millions.
 */
function elsFor(ctx: Context, city: City, accountIndex: number): string {
  const n = ELS_LETTERS.length;
  const block = Math.floor(accountIndex / 1_000_000) + (ctx.seed % (n * n));
  const digits = ((accountIndex % 1_000_000) * 7919 + (ctx.seed % 1_000_000)) % 1_000_000;
  return `${city.region}${ELS_LETTERS[Math.floor(block / n) % n]}${ELS_LETTERS[block % n]}${String(digits).padStart(6, '0')}`;
}

interface MeterCalc {
  resource: Resource;
  /** Current-month consumption, scaled (water 10⁻³ м³, electricity 1 кВт·ч, heat 10⁻⁴ Гкал). */
  consumption: number;
  /** Night-zone consumption for a 2-tariff electricity meter. */
  consumption2?: number;
}

const RESOURCE_SCALE: Record<Resource, number> = { cold_water: 3, hot_water: 3, electricity: 0, heat: 4 };

function addFlatAccount(
  ctx: Context,
  house: HouseState,
  flatNumber: number,
  premiseId: string,
  area10: number,
  accountIndex: number,
  out: HouseBatch,
): void {
  const rng = house.rng;
  const accountNumber = `${house.accountPrefix}${String(flatNumber).padStart(4, '0')}`;
  const hh = household(rng, ctx, house, accountNumber);
  const eff = hh.residents > 0 ? hh.residents : 0.3;

  // --- account
  const els = rng.chance(0.65) ? elsFor(ctx, house.city, accountIndex) : undefined;
  const opened = Math.max(house.built, ctx.year - rng.int(0, 30));
  const openedOn = ymd(Math.min(opened, ctx.year - 1), rng.int(1, 12), rng.int(1, 28));
  out.accounts.push({
    kind: 'account',
    record: {
      number: accountNumber,
      ...(els ? { els } : {}),
      premiseId,
      ownerName: hh.ownerName,
      ownerType: hh.ownerType,
      state: 'open',
      openedOn,
      area: dec(area10, 1),
      residentsCount: hh.residents,
      persons: hh.persons,
      phones: hh.phones,
      emails: hh.emails,
    },
  });

  // --- meters and readings
  const hvsCount = rng.chance(0.45) ? 2 : 1;
  const gvsCount = hvsCount === 2 && rng.chance(0.9) ? 2 : 1;
  const hasEl = rng.chance(0.9);
  const elTwo = hasEl && rng.chance(0.3);
  const hasHeat = house.heatMeters && rng.chance(0.85);
  const hvsTotal = Math.round(eff * rng.int(2500, 4500));
  const gvsTotal = Math.round(eff * rng.int(1500, 3200));
  const meters: MeterCalc[] = [];
  const split = (total: number, n: number): number[] => {
    if (n === 1) return [total];
    const first = Math.round((total * rng.int(55, 75)) / 100);
    return [first, total - first];
  };
  for (const c of split(hvsTotal, hvsCount)) meters.push({ resource: 'cold_water', consumption: c });
  for (const c of split(gvsTotal, gvsCount)) meters.push({ resource: 'hot_water', consumption: c });
  let elVolume = 0;
  let elNight = 0;
  if (hasEl) {
    elVolume = 40 + Math.round(eff * rng.int(50, 110));
    if (elTwo) {
      elNight = Math.round((elVolume * rng.int(22, 35)) / 100);
      meters.push({ resource: 'electricity', consumption: elVolume - elNight, consumption2: elNight });
    } else {
      meters.push({ resource: 'electricity', consumption: elVolume });
    }
  } else {
    elVolume = 60 + 70 * Math.max(1, hh.residents); // by norm
  }
  let heatVolume = 0;
  if (hasHeat) {
    heatVolume = Math.round((area10 * rng.int(9000, 17000)) / 1000); // 10⁻⁴ Гкал
    meters.push({ resource: 'heat', consumption: heatVolume });
  }

  const readingDay = rng.int(15, 25);
  const readingDate = ymd(ctx.year, ctx.month, readingDay);
  const readingSource = rng.pick(READING_SOURCES);
  const wetPlaces = hvsCount === 2 ? ['Санузел', 'Кухня'] : ['Санузел'];
  meters.forEach((m, i) => {
    const meterId = `${accountNumber}-m${i + 1}`;
    const years = VERIFICATION_YEARS[m.resource];
    // Last verification (or installation) within the interval, at least a month ago.
    const sinceVerification = rng.int(1, years * 12 - 1);
    const v = addMonths(ctx.year, ctx.month, -sinceVerification);
    const vDay = rng.int(1, 28);
    const reinstalled = rng.chance(0.6);
    const sinceInstall = reinstalled ? sinceVerification : sinceVerification + years * 12 * rng.int(1, 2);
    const inst = addMonths(ctx.year, ctx.month, -sinceInstall);
    const next = addMonths(v.year, v.month, years * 12);
    const verificationDate = ymd(v.year, v.month, vDay);
    const wetIndex = m.resource === 'cold_water' ? i : i - hvsCount;
    const place =
      m.resource === 'electricity'
        ? 'Этажный щит'
        : m.resource === 'heat'
          ? 'Этажный коллектор'
          : (wetPlaces[wetIndex] ?? 'Санузел');
    out.meters.push({
      kind: 'meter',
      record: {
        id: meterId,
        accountNumber,
        serviceId: RESOURCE_SERVICE[m.resource],
        resource: m.resource,
        number: `${m.resource === 'electricity' ? '0' : ''}${rng.digits(8)}`,
        tariffCount: m.consumption2 === undefined ? 1 : 2,
        place,
        installationDate: ymd(inst.year, inst.month, vDay),
        verificationDate,
        nextVerificationDate: ymd(next.year, next.month, vDay),
        sealingDate: verificationDate,
        commissioningDate: verificationDate,
      },
    });
    // Cumulative value: months of average use since installation, plus this month.
    const scale = RESOURCE_SCALE[m.resource];
    const startValue = m.resource === 'electricity' ? rng.int(0, 50) : 0;
    const seasonal = m.resource === 'heat' ? 0.45 : 1; // heat meters idle in summer
    const prior = startValue + Math.round(m.consumption * sinceInstall * seasonal * rng.float(0.8, 1.15));
    const value1 = prior + m.consumption;
    let value2: number | undefined;
    if (m.consumption2 !== undefined) {
      value2 = Math.round(m.consumption2 * sinceInstall * rng.float(0.8, 1.15)) + m.consumption2;
    }
    out.readings.push({
      kind: 'reading',
      record: {
        meterId,
        date: readingDate,
        value1: dec(value1, scale),
        ...(value2 === undefined ? {} : { value2: dec(value2, scale) }),
        source: readingSource,
      },
    });
  });

  // --- receipt lines
  const lines: LineCalc[] = [];
  lines.push(line('sod', area10, 1, RATE.sod));
  lines.push(line('hvs', hvsTotal, 3, RATE.hvs));
  lines.push(line('gvs_tn', gvsTotal, 3, RATE.gvs_tn));
  // Heat for hot water: 0.0588 Гкал per м³, volume in 10⁻⁵ Гкал.
  lines.push(line('gvs_te', Math.round((gvsTotal * 588) / 100), 5, RATE.gvs_te));
  lines.push(line('vo', hvsTotal + gvsTotal, 3, RATE.vo));
  lines.push(
    line('otop', hasHeat ? heatVolume : Math.round((area10 * house.heatNorm6) / 1000), 4, RATE.otop),
  );
  if (elTwo) {
    lines.push(line('el', elVolume - elNight, 0, RATE.elDay, 'Электроснабжение (день)'));
    lines.push(line('el', elNight, 0, RATE.elNight, 'Электроснабжение (ночь)'));
  } else {
    lines.push(line('el', elVolume, 0, RATE.el));
  }
  lines.push(line('tko', Math.max(1, hh.residents), 0, RATE.tko));
  lines.push(line('kapr', area10, 1, RATE.kapr));
  const hvsSoi = Math.round((area10 * house.hvsSoi6) / 1000); // 10⁻⁴ м³
  const gvsSoi = Math.round((area10 * house.gvsSoi6) / 1000);
  lines.push(line('hvs_soi', hvsSoi, 4, RATE.hvs_soi));
  lines.push(line('gvs_soi', gvsSoi, 4, RATE.gvs_soi));
  lines.push(line('el_soi', Math.round((area10 * house.elSoi3) / 100), 2, RATE.el_soi));
  lines.push(line('vo_soi', hvsSoi + gvsSoi, 4, RATE.vo_soi));
  if (house.hasLift) lines.push(line('lift', area10, 1, RATE.lift));
  lines.push(line('uborka', area10, 1, RATE.uborka));
  if (rng.chance(house.domofonShare)) lines.push(line('domofon', 1, 0, RATE.domofon));
  if (rng.chance(house.antennaShare)) lines.push(line('antenna', 1, 0, RATE.antenna));
  if (rng.chance(house.videoShare)) lines.push(line('video', 1, 0, RATE.video));

  // Льготы (ветераны труда, инвалиды…) and occasional recalculations.
  if (rng.chance(0.12)) {
    const rate = rng.pick([30, 50, 50, 100]);
    for (const l of lines) {
      if (PRIVILEGE_SERVICES.has(l.serviceId)) l.privilege = Math.round((l.charge * rate) / 100);
    }
  }
  if (rng.chance(0.07)) {
    const count = rng.int(1, 2);
    for (let k = 0; k < count; k++) {
      const l = rng.pick(lines);
      const pct = rng.int(5, 20);
      const amount = Math.round((l.charge * pct) / 100);
      l.recalculation += rng.chance(0.75) ? -amount : amount;
    }
  }
  let charge = 0;
  let netCharge = 0;
  let privilegeTotal = 0;
  let recalcTotal = 0;
  for (const l of lines) {
    l.toPay = l.charge - l.privilege + l.recalculation;
    charge += l.charge;
    netCharge += l.toPay;
    privilegeTotal += l.privilege;
    recalcTotal += l.recalculation;
  }

  // --- balance at the period start, spread over a few services
  const prevBill = Math.round(netCharge * rng.float(0.85, 1.05));
  const u = rng.next();
  let months = 1;
  let balance: number;
  let payChance: number;
  if (u < 0.04) {
    months = 0;
    balance = -Math.round(prevBill * rng.float(0.1, 1));
    payChance = 0.4;
  } else if (u < 0.1) {
    months = 0;
    balance = 0;
    payChance = 0.4;
  } else if (u < 0.88) {
    balance = prevBill;
    payChance = 0.8;
  } else if (u < 0.97) {
    months = rng.int(2, 6);
    balance = Math.round(prevBill * months * rng.float(0.9, 1));
    payChance = 0.45;
  } else {
    months = rng.int(7, 36);
    balance = Math.round(prevBill * months * rng.float(0.8, 1));
    payChance = 0.1;
  }
  const balanceServices = rng.sample(BALANCE_SERVICES, rng.int(3, 5));
  const weights = balanceServices.map((id) => {
    let w = 0;
    for (const l of lines) if (l.serviceId === id) w += Math.max(0, l.toPay);
    return w;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const parts = balanceServices.map((_, i) => {
    if (i === 0) return 0;
    const part = weightSum > 0 ? Math.trunc((balance * (weights[i] ?? 0)) / weightSum) : 0;
    assigned += part;
    return part;
  });
  parts[0] = balance - assigned;
  balanceServices.forEach((serviceId, i) => {
    out.balances.push({
      kind: 'balance',
      record: { accountNumber, serviceId, date: ctx.periodStart, amount: rub(parts[i] ?? 0) },
    });
  });

  // --- penalty (пени) on debt older than a month
  const penalty = months >= 2 ? Math.round((balance - prevBill) * rng.float(0.012, 0.02)) : 0;

  // --- payment
  let paid = 0;
  let paidOn = '';
  let channel = '';
  if (rng.chance(payChance)) {
    if (balance > 0) {
      const r = rng.next();
      if (months >= 2) paid = r < 0.5 ? prevBill : balance;
      else if (r < 0.65) paid = balance;
      else if (r < 0.85) paid = Math.ceil(balance / 10000) * 10000;
      else paid = Math.round((balance * rng.int(40, 90)) / 100);
    } else {
      paid = Math.ceil(Math.max(netCharge, 10000) / 10000) * 10000;
    }
    if (paid <= 0) paid = 10000;
    const day = Math.min(
      daysInMonth(ctx.year, ctx.month),
      rng.weighted([rng.int(1, 15), rng.int(16, 28)], [75, 25]),
    );
    paidOn = ymd(ctx.year, ctx.month, day);
    const time = `${pad2(rng.int(7, 22))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
    channel = rng.pick(PAYMENT_CHANNELS);
    const fee = channel === 'Почта России' ? Math.round(paid * 0.02) : Math.round(paid * 0.012);
    out.payments.push({
      kind: 'payment',
      record: {
        id: `pay-${ctx.period}-${accountNumber}`,
        accountNumber,
        paidAt: `${paidOn}T${time}${house.city.utcOffset}`,
        amount: rub(paid),
        fee: rub(fee),
        period: ctx.prevPeriod,
        category: 'housing',
        channel,
        document: `Реестр № ${rng.int(100, 9999)} от ${paidOn}`,
      },
    });
  }

  // --- receipt: charge = Σ line charges; toPay = balance + Σ line toPay − paid + penalty
  const toPay = balance + netCharge - paid + penalty;
  out.receipts.push({
    kind: 'receipt',
    record: {
      accountNumber,
      period: ctx.period,
      category: 'housing',
      recipient: ctx.recipient,
      toPay: rub(toPay),
      balance: rub(balance),
      paid: rub(paid),
      penalty: rub(penalty),
      charge: rub(charge),
      lines: lines.map((l) => ({
        serviceId: l.serviceId,
        name: l.name,
        charge: rub(l.charge),
        privilege: rub(l.privilege),
        recalculation: rub(l.recalculation),
        toPay: rub(l.toPay),
        volume: l.volume,
        tariff: l.tariff,
        measure: l.measure,
      })),
    },
  });

  // --- transactions: Σ amounts = toPay − balance
  const txBase = `tx-${ctx.period}-${accountNumber}`;
  out.transactions.push({
    kind: 'transaction',
    record: {
      id: `${txBase}-charge`,
      accountNumber,
      date: ctx.periodEnd,
      kind: 'charge',
      amount: rub(charge),
      comment: `Начисление за ${ctx.monthName} ${ctx.year}`,
    },
  });
  if (recalcTotal - privilegeTotal !== 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-recalc`,
        accountNumber,
        date: ctx.periodEnd,
        kind: 'recalculation',
        amount: rub(recalcTotal - privilegeTotal),
        comment: privilegeTotal > 0 ? 'Льготы и перерасчёты' : 'Перерасчёт',
      },
    });
  }
  if (penalty > 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-penalty`,
        accountNumber,
        date: ctx.periodEnd,
        kind: 'penalty',
        amount: rub(penalty),
        comment: 'Пени за просрочку оплаты',
      },
    });
  }
  if (paid > 0) {
    out.transactions.push({
      kind: 'transaction',
      record: {
        id: `${txBase}-payment`,
        accountNumber,
        date: paidOn,
        kind: 'payment',
        amount: rub(-paid),
        comment: `Оплата: ${channel}`,
      },
    });
  }

  // --- is74 contract for about 30% of accounts
  if (rng.chance(0.3)) {
    const bigDebtor = months >= 7;
    const state = bigDebtor
      ? 'suspended'
      : rng.weighted(['active', 'new', 'terminated'] as const, [92, 5, 3]);
    const options: { category: string; name: string; hidden: boolean; value: string }[] = [
      { category: 'Домофон', name: 'Номер квартиры', hidden: false, value: String(flatNumber) },
    ];
    if (rng.chance(0.15))
      options.push({ category: 'Скидка', name: 'Скидка пенсионерам', hidden: false, value: '-1000' });
    if (bigDebtor) {
      options.push({
        category: 'Settings',
        name: 'services_suspended_pending_payment',
        hidden: false,
        value: '1',
      });
    }
    const tariffIds = [rng.chance(0.8) ? 'is74-domofon' : 'is74-kosmos'];
    if (rng.chance(0.4) && tariffIds[0] !== 'is74-kosmos') tariffIds.push('is74-video');
    if (rng.chance(0.1)) tariffIds.push('is74-snezhny');
    out.contracts.push({
      kind: 'contract',
      record: {
        id: `c-${accountNumber}`,
        accountNumber,
        number: `${accountNumber}-1`,
        state,
        options,
        tariffIds,
      },
    });
  }
}

function* generateHouse(
  ctx: Context,
  houseIndex: number,
  maxAccounts: number,
  firstAccount: number,
): Generator<DemoRecord, number, undefined> {
  const rng = RandomSource.derive(ctx.seed, `house:${houseIndex}`);
  const city = rng.chance(0.8) ? ctx.primaryCity : rng.pick(CITIES);
  const street = rng.pick(STREETS);
  const [houseNumber, building] = nextHouseNumber(ctx, rng, city, street);
  const layout = rng.weighted(LAYOUTS, LAYOUT_WEIGHTS);
  const entrances = rng.int(layout.entrances[0], layout.entrances[1]);
  const builtMax = Math.min(layout.built[1], ctx.year - 1);
  const built = rng.int(Math.min(layout.built[0], builtMax), builtMax);
  const id = `house-${String(houseIndex + 1).padStart(6, '0')}`;
  const house: HouseState = {
    index: houseIndex,
    id,
    rng,
    city,
    floors: layout.floors,
    perFloor: layout.perFloor,
    built,
    hasLift: layout.floors >= 9,
    heatMeters: built >= 2012 && rng.chance(0.85),
    heatNorm6: rng.int(15000, 22000),
    hvsSoi6: rng.int(2000, 4500),
    gvsSoi6: rng.int(1500, 3500),
    elSoi3: rng.int(300, 900),
    cadastralQuarter: `${rng.int(0, 9)}${rng.digits(6)}`,
    accountPrefix: String(100000 + houseIndex),
    domofonShare: rng.chance(0.9) ? 0.9 : 0.2,
    antennaShare: built < 2000 ? 0.5 : 0.15,
    videoShare: built >= 2005 ? 0.6 : 0.15,
  };
  const cadastralPrefix = `${city.region}:${city.cadastralDistrict}:${house.cadastralQuarter}`;
  const houseCadastral = rng.int(100, 4999);
  yield {
    kind: 'house',
    record: {
      id,
      address: houseAddress(city, street, houseNumber, building),
      fiasGuid: uuidV4(rng),
      region: city.region,
      city: city.name,
      street: streetLabel(street),
      buildingNumber: buildingLabel(houseNumber, building),
      cadastral: `${cadastralPrefix}:${houseCadastral}`,
    },
  } satisfies DemoRecord;

  const flatsFull = layout.floors * entrances * layout.perFloor;
  const flats = Math.min(flatsFull, maxAccounts);
  const out: HouseBatch = {
    premises: [],
    accounts: [],
    meters: [],
    readings: [],
    balances: [],
    receipts: [],
    payments: [],
    transactions: [],
    contracts: [],
  };
  const perEntrance = layout.floors * layout.perFloor;
  let cadastralSeq = houseCadastral + 1;
  // The same riser repeats up the entrance: the number of rooms depends on the position on the floor.
  const roomWeights = built < 1976 ? [30, 45, 25, 0] : [30, 38, 25, 7];
  const flatRooms: number[] = [];
  for (let pos = 0; pos < layout.perFloor; pos++) flatRooms.push(rng.weighted([1, 2, 3, 4], roomWeights));
  for (let n = 1; n <= flats; n++) {
    const rooms = flatRooms[(n - 1) % layout.perFloor] ?? 2;
    const area10 = roomsArea(rng, built, rooms);
    const floor = Math.floor(((n - 1) % perEntrance) / layout.perFloor) + 1;
    const premiseId = `${id}-kv${n}`;
    out.premises.push({
      kind: 'premise',
      record: {
        id: premiseId,
        houseId: id,
        type: 'flat',
        number: String(n),
        area: dec(area10, 1),
        cadastral: `${cadastralPrefix}:${cadastralSeq++}`,
        floor,
      },
    });
    addFlatAccount(ctx, house, n, premiseId, area10, firstAccount + n - 1, out);
  }
  if (built >= 2005 && rng.chance(0.5)) {
    const spaces = rng.int(20, 80);
    for (let n = 1; n <= spaces; n++) {
      out.premises.push({
        kind: 'premise',
        record: {
          id: `${id}-mm${n}`,
          houseId: id,
          type: 'parking',
          number: `м/м ${n}`,
          area: dec(rng.int(133, 180), 1),
          cadastral: `${cadastralPrefix}:${cadastralSeq++}`,
          floor: -1,
        },
      });
    }
  }
  if (rng.chance(built >= 2005 ? 0.3 : 0.08)) {
    const rooms = rng.int(10, 40);
    for (let n = 1; n <= rooms; n++) {
      out.premises.push({
        kind: 'premise',
        record: {
          id: `${id}-kl${n}`,
          houseId: id,
          type: 'storage',
          number: `кл. ${n}`,
          area: dec(rng.int(30, 80), 1),
          floor: -1,
        },
      });
    }
  }
  yield* out.premises;
  yield* out.accounts;
  yield* out.meters;
  yield* out.readings;
  yield* out.balances;
  yield* out.receipts;
  yield* out.payments;
  yield* out.transactions;
  yield* out.contracts;
  return flats;
}

/**
 * Streams demo records for `accounts` лицевых счетов in dependency order. Deterministic: the same
 * options give the same sequence. Parking spaces and storage rooms are premises without accounts.
 */
export function* generateDemo(opts: DemoOptions): Generator<DemoRecord, void, undefined> {
  if (!Number.isSafeInteger(opts.accounts) || opts.accounts < 0) {
    throw new RangeError(`accounts must be a whole number >= 0, got ${String(opts.accounts)}`);
  }
  const ctx = makeContext(opts);
  for (const s of DEMO_SERVICES) {
    yield {
      kind: 'service',
      record: {
        id: s.id,
        name: s.name,
        shortName: s.shortName,
        measure: s.measure,
        ...(s.provider ? { provider: s.provider } : {}),
      },
    };
  }
  for (const t of [...PER_UNIT_TARIFFS, ...IS74_TARIFFS]) {
    yield {
      kind: 'tariff',
      record: {
        id: t.id,
        name: t.name,
        ...(t.serviceId ? { serviceId: t.serviceId } : {}),
        ...(t.rate === undefined ? {} : { rate: rub(t.rate) }),
        ...(t.measure ? { measure: t.measure } : {}),
        ...(t.cost === undefined ? {} : { cost: rub(t.cost) }),
        validFrom: ctx.periodStart,
        options: t.options ?? [],
      },
    };
  }
  let produced = 0;
  for (let houseIndex = 0; produced < opts.accounts; houseIndex++) {
    produced += yield* generateHouse(ctx, houseIndex, opts.accounts - produced, produced);
  }
}
