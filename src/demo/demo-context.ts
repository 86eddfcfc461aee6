import { MONTH_NAMES } from '../domain/month-names.js';
import { addMonths, daysInMonth } from './demo-calendar.js';
import { pad2, ymd } from './demo-format.js';
import { type DemoOptions, normaliseSeed, parsePeriodOption } from './demo-options.js';
import { buildOrganization } from './demo-organization.js';
import type { RecipientInput } from './demo-record.js';
import type { City } from './russian-addresses.js';

/** What the whole run shares: the options resolved once, and the little state that spans houses. */
export interface DemoContext {
  seed: number;
  period: string;
  year: number;
  month: number;
  periodStart: string;
  periodEnd: string;
  prevPeriod: string;
  monthName: string;
  primaryCity: City;
  /** The payee every receipt names: the organisation's first settlement account. */
  recipient: RecipientInput;
  /** Last house number used per city × street (bounded: cities × streets entries). */
  streetNumbers: Map<string, number>;
}

export function makeContext(opts: DemoOptions): DemoContext {
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
