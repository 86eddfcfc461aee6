import { buildSchema, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { toDecimal8 } from '../../../../src/platforms/doma/sandbox/decimal8.js';
import { isCanonical } from '../../../../src/platforms/doma/sandbox/fast-variables.js';
import { matchesWhere } from '../../../../src/platforms/doma/sandbox/match-where.js';

describe('Doma.ai sandbox internals', () => {
  it('toDecimal8 pads to 8 decimals, rounds half up past them, keeps the sign, refuses non-decimals', () => {
    expect(toDecimal8('167.1')).toBe('167.10000000');
    expect(toDecimal8('007')).toBe('7.00000000');
    expect(toDecimal8('0,5')).toBe('0.50000000');
    expect(toDecimal8('-1.5')).toBe('-1.50000000');
    expect(toDecimal8('-0.00')).toBe('0.00000000');
    expect(toDecimal8('1.123456785')).toBe('1.12345679');
    expect(toDecimal8('-0.000000001')).toBe('0.00000000');
    expect(toDecimal8('12a')).toBeUndefined();
    expect(toDecimal8('167.1')).toBe('167.10000000');
  });

  it('isCanonical accepts only values graphql would pass through unchanged', () => {
    const schema = buildSchema(`
      scalar JSON
      enum E { A B }
      input I { s: String! n: Int l: [String!] e: E id: ID j: JSON }
      type Query { q(i: I): Int }`);
    const t = schema.getType('I') as GraphQLInputType;
    expect(isCanonical(t, { s: 'x', n: 1, l: ['a'], e: 'A', id: '1', j: { any: [1] } })).toBe(true);
    expect(isCanonical(t, { n: 1 })).toBe(false);
    expect(isCanonical(t, { s: 'x', extra: 1 })).toBe(false);
    expect(isCanonical(t, { s: 'x', n: 1.5 })).toBe(false);
    expect(isCanonical(t, { s: 'x', n: 2 ** 31 })).toBe(false);
    expect(isCanonical(t, { s: 'x', l: 'a' })).toBe(false);
    expect(isCanonical(t, { s: 'x', e: 'C' })).toBe(false);
    expect(isCanonical(t, { s: 'x', id: 1 })).toBe(false);
    expect(isCanonical(t, { s: 'x', l: null })).toBe(true);
  });

  it('matchesWhere reads operators, relations, AND/OR and null checks', () => {
    const rec = {
      id: 'p1',
      status: 'DONE',
      amount: '10.5',
      transferDate: '2024-10-29T10:00:00.000Z',
      invoice: null,
      organization: { id: 'o1' },
      deletedAt: null,
    };
    expect(
      matchesWhere(rec, {
        status_in: ['DONE'],
        organization: { id: 'o1' },
        invoice_is_null: true,
        deletedAt: null,
      }),
    ).toBe(true);
    expect(
      matchesWhere(rec, {
        transferDate_gte: '2024-10-29T00:00:00.000Z',
        transferDate_lt: '2024-10-30T00:00:00.000Z',
      }),
    ).toBe(true);
    expect(matchesWhere(rec, { transferDate_lt: '2024-10-29T00:00:00.000Z' })).toBe(false);
    expect(matchesWhere(rec, { amount_gt: '9' })).toBe(true);
    expect(matchesWhere(rec, { OR: [{ status: 'ERROR' }, { status_not: 'DONE' }] })).toBe(false);
    expect(matchesWhere(rec, { AND: [{ status: 'DONE' }, { organization: { id_in: ['o2'] } }] })).toBe(false);
  });
});
