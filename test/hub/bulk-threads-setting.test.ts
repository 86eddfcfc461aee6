import { describe, expect, it } from 'vitest';
import { bulkThreadsOf } from '../../src/hub/bulk-body-pool.js';

describe('ZHKH_BULK_THREADS', () => {
  it('is one thread per core but one (at least one, at most four) unless set; 0 turns them off', () => {
    const auto = bulkThreadsOf({});
    expect(auto).toBeGreaterThanOrEqual(1);
    expect(auto).toBeLessThanOrEqual(4);
    expect(bulkThreadsOf({ ZHKH_BULK_THREADS: '0' })).toBe(0);
    expect(bulkThreadsOf({ ZHKH_BULK_THREADS: '3' })).toBe(3);
    expect(() => bulkThreadsOf({ ZHKH_BULK_THREADS: '-1' })).toThrow(/ZHKH_BULK_THREADS/);
    expect(() => bulkThreadsOf({ ZHKH_BULK_THREADS: 'lots' })).toThrow(/ZHKH_BULK_THREADS/);
  });
});
