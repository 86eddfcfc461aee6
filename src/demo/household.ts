import type { DemoContext } from './demo-context.js';
import { ymd } from './demo-format.js';
import type { HouseState } from './plan-house.js';
import type { RandomSource } from './random-source.js';
import { mobilePhone } from './russian-addresses.js';
import {
  fullName,
  type Gender,
  MALE_NAMES,
  type PersonName,
  randomPerson,
  translit,
} from './russian-names.js';

const EMAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'rambler.ru', 'inbox.ru'];

export interface PersonInput {
  id: string;
  fullName: string;
  isOwner: boolean;
  isTenant: boolean;
  share?: string;
  birthDate: string;
  phones: string[];
  emails: string[];
}

/** The people of one лицевой счёт, and the owner and contacts the account itself carries. */
export interface Household {
  persons: PersonInput[];
  ownerName: string;
  ownerType: 'person' | 'company';
  phones: string[];
  emails: string[];
  /** Persons registered in the flat: the ТКО charge and the meters' consumption depend on it. */
  residents: number;
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

function birthDate(rng: RandomSource, ctx: DemoContext, age: number): { date: string; year: number } {
  const year = ctx.year - age;
  return { date: ymd(year, rng.int(1, 12), rng.int(1, 28)), year };
}

/**
 * A family of one to four: the owner, a spouse sharing the surname (and often half the flat), children
 * with the father's patronymic. About 3% of flats are municipal, owned by the city's property
 * committee and lived in by a tenant.
 */
export function household(
  rng: RandomSource,
  ctx: DemoContext,
  house: HouseState,
  accountNumber: string,
): Household {
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
