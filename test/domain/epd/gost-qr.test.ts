import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildGostQr, type GostQrField } from '../../../src/domain/epd/gost-qr.js';
import { parseGostQr } from '../../../src/domain/epd/parse-gost-qr.js';
import { sharedFile } from '../../platforms/doma/shared-reference.js';

const REQUISITES: GostQrField[] = [
  ['Name', 'ООО «Три кита»'],
  ['PersonalAcc', '40702810138250123017'],
  ['BankName', 'ОАО "БАНК"'],
  ['BIC', '044525225'],
  ['CorrespAcc', '30101810400000000225'],
];

/** The example payload of domain.md «ГОСТ Р 56042-2014 payment QR», read at test time. */
function domainExample(): string | undefined {
  const file = sharedFile('reference', 'domain.md');
  if (!file) return undefined;
  return /`(ST0001\d\|[^`]+)`/.exec(readFileSync(file, 'utf8'))?.[1];
}

describe('ГОСТ Р 56042-2014 payment QR', () => {
  const example = domainExample();
  it.runIf(example)('reads the example of domain.md and writes it back byte for byte', () => {
    const parsed = parseGostQr(example!);
    expect(parsed.charset).toBe(2);
    expect(parsed.separator).toBe('|');
    expect(parsed.fields.slice(0, 5).map(([k]) => k)).toEqual([
      'Name',
      'PersonalAcc',
      'BankName',
      'BIC',
      'CorrespAcc',
    ]);
    expect(Object.fromEntries(parsed.fields)).toMatchObject({
      PersonalAcc: '40702810138250123017',
      BIC: '044525225',
      PayeeINN: '6200098765',
      Sum: '100000',
    });
    const built = buildGostQr(parsed.fields, { charset: 2 });
    expect(built.text).toBe(example);
    expect(parseGostQr(built.bytes)).toEqual(parsed);
  });
  it.skipIf(example)('(domain.md is not under ../shared: its example was not checked)', () => {
    console.warn('../shared/reference/domain.md not found: the ГОСТ QR example test is skipped');
  });

  it('writes windows-1251 by default and round-trips every field through the bytes', () => {
    const fields: GostQrField[] = [
      ...REQUISITES,
      ['PayeeINN', '7736050003'],
      ['Purpose', 'Оплата ЖКУ, л/с 42'],
      ['Sum', '1234567'],
    ];
    const qr = buildGostQr(fields);
    expect(qr.charset).toBe(1);
    expect(qr.text.startsWith('ST00011|Name=ООО «Три кита»|')).toBe(true);
    expect(Buffer.from(qr.bytes)).toEqual(iconv.encode(qr.text, 'win1251'));
    expect(qr.bytes.length).toBe(qr.text.length); // one byte a character in windows-1251
    expect(parseGostQr(qr.bytes).fields).toEqual(fields);
    const utf8 = buildGostQr(fields, { charset: 2 });
    expect(Buffer.from(utf8.bytes).toString('utf8')).toBe(utf8.text);
    expect(parseGostQr(utf8.bytes).fields).toEqual(fields);
  });

  it('never puts the separator inside a value: another one is chosen and named in the header', () => {
    const fields: GostQrField[] = [...REQUISITES, ['Purpose', 'ЖКУ | октябрь']];
    const qr = buildGostQr(fields);
    expect(qr.separator).toBe('#');
    expect(qr.text.charAt(7)).toBe('#');
    expect(parseGostQr(qr.bytes).fields).toEqual(fields);
  });

  it('switches to UTF-8 rather than lose a character windows-1251 has no code for', () => {
    const fields: GostQrField[] = [...REQUISITES, ['LastName', 'Müller-Łukasz']];
    const qr = buildGostQr(fields);
    expect(qr.charset).toBe(2);
    expect(parseGostQr(qr.bytes).fields).toEqual(fields);
  });

  it('refuses what a bank app could not read right', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as { code: string }).code;
      }
      return 'none';
    };
    expect(code(() => buildGostQr([REQUISITES[1]!, REQUISITES[0]!, ...REQUISITES.slice(2)]))).toBe(
      'qr_field_order',
    );
    expect(code(() => buildGostQr([['Name', 'x'.repeat(161)], ...REQUISITES.slice(1)]))).toBe(
      'qr_field_length',
    );
    expect(code(() => buildGostQr([...REQUISITES, ['Purpose', 'a\nb']]))).toBe('qr_field');
    expect(code(() => buildGostQr([...REQUISITES, ['Purpose', '']]))).toBe('qr_field_empty');
    expect(code(() => buildGostQr([...REQUISITES, ['PayerAddress', 'д'.repeat(2400)]]))).toBe('qr_too_long');
    expect(code(() => parseGostQr('ST0002|Name=x'))).toBe('qr_format');
  });
});
