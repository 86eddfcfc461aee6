import { describe, expect, it } from 'vitest';
import { resetDelay, retryAfterFromHeaders } from '../../../src/engine/policy/rate-limit-delay.js';

const now = Date.UTC(2025, 0, 1, 0, 0, 0); // Wed, 01 Jan 2025 00:00:00 GMT
const epoch = (deltaSeconds: number) => String(now / 1000 + deltaSeconds);

describe('retryAfterFromHeaders', () => {
  it.each<[string, Record<string, string>, number | undefined]>([
    ['Retry-After delta seconds', { 'retry-after': '120' }, 120_000],
    ['Retry-After zero', { 'retry-after': '0' }, 0],
    ['Retry-After fractional seconds', { 'retry-after': '1.5' }, 1500],
    ['Retry-After HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 30_000],
    ['Retry-After HTTP date in the past → 0', { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    ['Retry-After garbage → undefined', { 'retry-after': 'soon' }, undefined],
    ['Doma epoch seconds', { 'x-rate-limit-complexity-reset': epoch(42) }, 42_000],
    ['Doma reset in the past → 0', { 'x-rate-limit-complexity-reset': epoch(-10) }, 0],
    ['Doma fractional epoch rounds up to ms', { 'x-rate-limit-complexity-reset': `${now / 1000}.0004` }, 1],
    ['x-ratelimit-reset delta seconds', { 'x-ratelimit-reset': '30' }, 30_000],
    ['x-ratelimit-reset epoch seconds', { 'x-ratelimit-reset': epoch(90) }, 90_000],
    ['ratelimit-reset delta seconds', { 'ratelimit-reset': '5' }, 5000],
    ['ratelimit-reset epoch in the past → 0', { 'ratelimit-reset': epoch(-3600) }, 0],
    [
      'Retry-After wins over the others',
      { 'retry-after': '2', 'x-rate-limit-complexity-reset': epoch(60) },
      2000,
    ],
    ['absent → undefined', { 'content-type': 'application/json' }, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(retryAfterFromHeaders(new Headers(headers), now)).toBe(expected);
  });

  it('uses the clock by default', () => {
    const ms = retryAfterFromHeaders(
      new Headers({ 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60) }),
    );
    expect(ms).toBeGreaterThan(58_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});

describe('resetDelay: a reset stated in an answer’s body, in any form platforms use', () => {
  it.each<[string, unknown, number | undefined]>([
    ['ISO instant', '2025-01-01T00:00:42.000Z', 42_000],
    ['ISO instant with an offset', '2025-01-01T03:00:42+03:00', 42_000],
    ['HTTP date', 'Wed, 01 Jan 2025 00:01:00 GMT', 60_000],
    ['epoch seconds (number)', now / 1000 + 42, 42_000],
    ['epoch seconds (string)', epoch(42), 42_000],
    ['epoch milliseconds', now + 1500, 1500],
    ['seconds from now', 90, 90_000],
    ['seconds from now (string)', '2.5', 2500],
    ['in the past → 0', '2024-12-31T23:59:00.000Z', 0],
    ['garbage → undefined', 'soon', undefined],
    ['negative → undefined', -5, undefined],
    ['absent → undefined', undefined, undefined],
    ['an object → undefined', { at: 1 }, undefined],
  ])('%s', (_name, value, expected) => {
    expect(resetDelay(value, now)).toBe(expected);
  });
});
