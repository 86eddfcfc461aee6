import { z } from 'zod';
import { formatMoney, parseMoney } from '../money.js';
import { ValueError } from '../value-error.js';
import { field } from './field.js';

/**
 * What an option's value is: `money` (rubles on the API, like every amount of `/v1`; kopecks
 * inside), `integer`, `flag` (true/false) or `text`. is74 shows an option's value as an integer
 * (seed 003 §"3. Получение контрактов": kopecks, or a setting's 1), so a text value cannot be
 * served and is refused when it is written.
 */
export const ContractOptionType = z.enum(['money', 'integer', 'flag', 'text']);
export type ContractOptionType = z.output<typeof ContractOptionType>;

const base = {
  category: field.text(200),
  name: field.text(200),
};

/** As the billing sends it: `type` defaults to `integer` (how untyped values were always read). */
const OptionInput = z.strictObject({
  ...base,
  hidden: z.boolean().default(false),
  type: ContractOptionType.default('integer'),
  value: z.union([z.string().max(2000), z.number(), z.boolean()]),
});

/**
 * As the hub keeps it: money in kopecks, integers, flags as booleans. Options stored before values
 * were typed have no `type` and a string value; they are read as integers.
 */
const OptionStored = z.strictObject({
  ...base,
  hidden: z.boolean(),
  type: ContractOptionType.optional(),
  value: z.union([z.int(), z.boolean(), z.string()]),
});
export type ContractOption = z.output<typeof OptionStored>;

/** One option of a contract: its value read by its type, with a stable code when it cannot be. */
export const ContractOption = z.codec(OptionInput, OptionStored, {
  decode: (o, ctx) => {
    try {
      return { ...o, value: typedValue(o.type, o.value) };
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      ctx.issues.push({
        code: 'custom',
        message: err.message,
        input: o.value,
        path: ['value'],
        params: { code: err.code },
      });
      return z.NEVER;
    }
  },
  encode: (o) => ({
    ...o,
    type: o.type ?? 'integer',
    value: o.type === 'money' && typeof o.value === 'number' ? formatMoney(o.value) : o.value,
  }),
});

const INTEGER = /^[+-]?\d{1,15}$/;

function typedValue(type: ContractOptionType, value: string | number | boolean): number | boolean {
  switch (type) {
    case 'money':
      if (typeof value === 'boolean') throw new ValueError('money_format', 'an amount, not true/false');
      return parseMoney(value);
    case 'integer': {
      const n = typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
      throw new ValueError(
        'option_not_integer',
        `"${String(value)}" is not an integer; an amount in rubles is an option of type "money"`,
      );
    }
    case 'flag':
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === '1' || value === 'true') return true;
      if (value === 0 || value === '0' || value === 'false') return false;
      throw new ValueError('option_not_flag', `"${String(value)}" is not a flag: true or false (1 or 0)`);
    case 'text':
      throw new ValueError(
        'option_not_servable',
        'is74 shows an option value as a number (kopecks, an integer or a flag): a text option cannot be served',
      );
  }
}
