import { describe, expect, it } from 'vitest';
import { Receipt } from '../../src/domain/model/receipt.js';
import { exponentNumberText, parseJson } from '../../src/domain/parse-json.js';
import { findUnstorableText, UNSTORABLE_JSON_ESCAPE, wellFormed } from '../../src/domain/unstorable-text.js';
import { firstInvalidUtf8 } from '../../src/hub/first-invalid-utf8.js';

describe('parseJson keeps the text of numbers written with an exponent', () => {
  it('as raw JSON values that stringify back unchanged; other numbers and strings as JSON.parse', () => {
    const v = parseJson('{"a":1E2,"b":[-5e-3, 7],"c":"1E2","d":12.5}') as Record<string, unknown>;
    expect(exponentNumberText(v.a)).toBe('1E2');
    expect(exponentNumberText((v.b as unknown[])[0])).toBe('-5e-3');
    expect((v.b as unknown[])[1]).toBe(7);
    expect(v.c).toBe('1E2');
    expect(exponentNumberText(v.c)).toBeUndefined();
    expect(v.d).toBe(12.5);
    expect(JSON.stringify(v)).toBe('{"a":1E2,"b":[-5e-3,7],"c":"1E2","d":12.5}');
    expect(parseJson('{"id":"5e3f"}')).toEqual({ id: '5e3f' }); // the hint may match inside strings
    expect(() => parseJson('{"a":1E}')).toThrow(SyntaxError);
    expect(() => parseJson('{1E2:1}')).toThrow(SyntaxError);
    // Nesting deeper than any recursion could follow, beside a number with an exponent.
    const deep = `[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)},-2.5E+3]`;
    expect(exponentNumberText((parseJson(deep) as unknown[])[1])).toBe('-2.5E+3');
  });

  it('money refuses an exponent as a number and as a string alike', () => {
    const lines = [{ serviceId: 's', name: 'Отопление', toPay: '1.00' }];
    const base = {
      accountNumber: '1',
      period: '2024-01',
      recipient: {
        inn: '7736050003',
        bik: '044525225',
        account: '40702810138250123017',
        corrAccount: '30101810400000000225',
      },
      lines,
    };
    const number = (text: string) => (parseJson(`{"v":${text}}`) as { v: unknown }).v;
    for (const toPay of [number('1E2'), '1E2', number('1.5e1')]) {
      const res = Receipt.safeParse({ ...base, toPay });
      expect(res.success).toBe(false);
      expect(res.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toContain(
        'money_format',
      );
    }
    expect(Receipt.safeParse({ ...base, toPay: 100 }).data?.toPay).toBe(10000);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('finds a lone surrogate or NUL in values and keys, with the path, and only then', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\ud800y' }] })).toMatchObject({
      code: 'lone_surrogate',
      path: 'a.1.b',
    });
    expect(findUnstorableText({ a: { '\udc00': 1 } })).toMatchObject({ code: 'lone_surrogate', path: 'a' });
    expect(findUnstorableText({ a: 'x\u0000' })).toMatchObject({ code: 'nul_character', path: 'a' });
    expect(findUnstorableText({ a: '😀 Иванов', b: ['\\ud800'] })).toBeUndefined();
    expect(wellFormed('a\ud800b😀')).toBe('a\ufffdb😀');
    expect(UNSTORABLE_JSON_ESCAPE.test(JSON.stringify({ a: 'x\ud800' }))).toBe(true);
    expect(UNSTORABLE_JSON_ESCAPE.test(JSON.stringify({ a: '\\ud800 😀' }))).toBe(false);
  });

  it('names the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('Иванов 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc8, 0xe2]))).toBe(1); // windows-1251
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x80]))).toBe(1); // stray continuation
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // an encoded surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe2, 0x82]))).toBe(2); // truncated
  });
});
