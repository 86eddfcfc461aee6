import { withInn10Check, withOgrnCheck, withSettlementKey } from './check-digits.js';
import { pad2 } from './demo-format.js';
import { DEFAULT_DEMO_ORG_ID, type DemoOptions, normaliseSeed } from './demo-options.js';
import type { OrganizationInput } from './demo-record.js';
import { RandomSource } from './random-source.js';
import { CITIES, type City, cityPhone } from './russian-addresses.js';
import { translit } from './russian-names.js';

/** Most demo companies are Челябинск ones (the is74 home ground), some Moscow ones. */
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

export interface OrgParts {
  org: OrganizationInput;
  /** The organisation's home city, where most of its houses are. */
  city: City;
}

/** The organisation and its city, from a random stream of its own so that houses do not shift it. */
export function buildOrganization(opts: Partial<DemoOptions>): OrgParts {
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
