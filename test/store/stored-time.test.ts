import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { storedTime } from '../../src/store/stored-time.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

const viaDate = (v: string | Date) => new Date(v).toISOString();

describe('storedTime: a stored timestamp as ISO 8601, what Date would give, without its slow parser', () => {
  it('rewrites the UTC text form exactly as Date reads it, whatever the fraction', () => {
    const given = [
      '2026-12-07 21:35:47.123456+00',
      '2026-12-07 21:35:47.9999+00', // cut, not rounded, as Date does
      '2026-12-07 21:35:47+00',
      '2026-12-07 21:35:47.5+00',
      '2024-02-29 00:00:00.000001+00',
      '0999-01-01 00:00:00.1+00',
    ];
    for (let i = 0; i < 500; i++) {
      const ms = Date.UTC(1970, 0, 1) + Math.floor(Math.random() * 4e12);
      const [day, time] = new Date(ms).toISOString().slice(0, 19).split('T');
      const digits = Math.floor(Math.random() * 7);
      const fraction =
        digits === 0 ? '' : `.${String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0')}`;
      given.push(`${day} ${time}${fraction}+00`);
    }
    for (const v of given) expect(storedTime(v), v).toBe(viaDate(v));
  });

  it('leaves other zones, Date objects and unusual forms to Date', () => {
    for (const v of ['2026-12-07 21:35:47.123+03', '2026-12-07 21:35:47+05:30', '2026-12-07T21:35:47.123Z'])
      expect(storedTime(v), v).toBe(viaDate(v));
    const d = new Date(Date.UTC(2026, 11, 7, 1, 2, 3, 4));
    expect(storedTime(d)).toBe('2026-12-07T01:02:03.004Z');
    expect(() => storedTime('not a time')).toThrow(RangeError); // as Date's toISOString does
  });
});

describe.each(storeKinds)('storedTime on what the %s store answers', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.close());

  it('gives the instant the store holds', async () => {
    const [row] = await queryRows<{ at: string | Date; ms: string | number }>(
      store.db,
      sql`SELECT t AS at, floor(extract(epoch FROM t) * 1000) AS ms
          FROM (SELECT timestamptz '2026-12-07 21:35:47.123456+00' AS t) x`,
    );
    expect(typeof row!.at).toBe('string'); // the stores answer text: the form rewritten above
    expect(storedTime(row!.at)).toBe('2026-12-07T21:35:47.123Z');
    expect(Date.parse(storedTime(row!.at))).toBe(Number(row!.ms));
  });
});
