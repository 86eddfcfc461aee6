import { describe, expect, it } from 'vitest';
import { changedPaths, mergePatch } from '../../src/domain/json-merge-patch.js';

describe('JSON merge patch (RFC 7396)', () => {
  // RFC 7396 Appendix A, every example.
  const rfc: Array<[unknown, unknown, unknown]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(rfc)('%j patched with %j is %j', (target, patch, result) => {
    const before = JSON.stringify(target);
    expect(mergePatch(target, patch)).toEqual(result);
    expect(JSON.stringify(target)).toBe(before);
  });

  it('names the leaves that changed, an added or removed object by its leaves', () => {
    expect(changedPaths({ a: 1, s: { x: 1 } }, { a: 1, s: { x: 2 } }, 'settings')).toEqual(['settings.s.x']);
    expect(changedPaths({ baseUrl: 'u' }, { baseUrl: 'u', sync: { schedule: 'c' } }, 'settings')).toEqual([
      'settings.sync.schedule',
    ]);
    expect(changedPaths({ sync: { schedule: 'c', retry: { maxAttempts: 2 } } }, {}, 's')).toEqual([
      's.sync.retry.maxAttempts',
      's.sync.schedule',
    ]);
    expect(changedPaths({ ips: ['a'] }, { ips: ['a', 'b'] }, 's')).toEqual(['s.ips']);
    expect(changedPaths({ a: 1 }, { a: 1 }, 's')).toEqual([]);
  });
});
