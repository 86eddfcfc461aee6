import { describe, expect, it } from 'vitest';
import { SENDER_FINGERPRINT_RE } from '../../../../src/platforms/doma/contract/sender.js';
import { variablesSize } from '../../../../src/platforms/doma/contract/variables-size.js';

describe('variablesSize (the platform measure)', () => {
  it('counts 2 bytes a UTF-16 unit, 8 a number, 4 a boolean, 0 for null', () => {
    expect(variablesSize('абв')).toBe(6);
    expect(variablesSize('😀')).toBe(4);
    expect(variablesSize(2024)).toBe(8);
    expect(variablesSize(true)).toBe(4);
    expect(variablesSize(null)).toBe(0);
  });

  it('sums object keys and values and array elements, not indices', () => {
    // "dv" 4 + 8, "s" 2 + ["ab" 4, 1 8] = 26
    expect(variablesSize({ dv: 1, s: ['ab', 1] })).toBe(26);
    expect(variablesSize({ a: undefined, b: null })).toBe(2);
  });

  it('measures the JSON the platform parses: shared references count every time', () => {
    const shared = { x: 'yy' };
    expect(variablesSize({ a: shared, b: shared })).toBe(
      variablesSize(JSON.parse(JSON.stringify({ a: shared, b: shared }))),
    );
    expect(variablesSize({ a: shared, b: shared })).toBe(2 * (2 + 2 + 4));
  });
});

describe('sender fingerprint', () => {
  it('accepts the seed fingerprints and refuses too short or spaced ones', () => {
    expect(SENDER_FINGERPRINT_RE.test('publish-receipt-api')).toBe(true);
    expect(SENDER_FINGERPRINT_RE.test('abcd')).toBe(false);
    expect(SENDER_FINGERPRINT_RE.test('with space')).toBe(false);
  });
});
