import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRowToRecord } from '../../src/cli/import/csv-row-to-record.js';
import { detectDelimiter } from '../../src/cli/import/detect-delimiter.js';
import { detectEncoding } from '../../src/cli/import/detect-encoding.js';
import { formatFromFileName } from '../../src/cli/import/format-from-file-name.js';
import { jsonElementLines } from '../../src/cli/import/json-element-lines.js';
import { kindFromFileName } from '../../src/cli/import/kind-from-file-name.js';

describe('kindFromFileName', () => {
  it.each([
    ['accounts.ndjson', 'account'],
    ['receipts-2024-01.csv', 'receipt'],
    ['account.json', 'account'],
    ['01_meters.jsonl', 'meter'],
    ['/exports/2024/02-Premises.CSV', 'premise'],
    ['1 houses.txt', 'house'],
  ])('%s → %s', (file, kind) => {
    expect(kindFromFileName(file)?.name).toBe(kind);
  });

  it.each(['export.csv', 'accountsfoo.csv', '2024-01.csv', 'лицевые.csv'])('%s → undefined', (file) => {
    expect(kindFromFileName(file)).toBeUndefined();
  });
});

describe('formatFromFileName', () => {
  it('maps extensions', () => {
    expect(['a.ndjson', 'a.jsonl', 'a.json', 'a.csv', 'a.TXT', 'a.xml'].map(formatFromFileName)).toEqual([
      'ndjson',
      'ndjson',
      'json',
      'csv',
      'csv',
      undefined,
    ]);
  });
});

describe('detectEncoding', () => {
  it('tells UTF-8 (with or without BOM) from windows-1251', () => {
    const text = 'number;ownerName\n100;Иванов Иван Иванович\n';
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf8');
    expect(detectEncoding(iconv.encode(text, 'cp1251'))).toBe('cp1251');
    expect(detectEncoding(Buffer.from('plain ascii'))).toBe('utf8');
  });

  it('does not mistake a character cut at the end of the sample for an error', () => {
    const bytes = Buffer.from('Я'.repeat(40_000), 'utf8');
    expect(detectEncoding(bytes.subarray(0, 64 * 1024 - 1))).toBe('utf8');
  });
});

describe('detectDelimiter', () => {
  it('picks the most frequent of ; , tab', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
    expect(detectDelimiter('single')).toBe(';');
  });
});

describe('csvRowToRecord', () => {
  it('builds nested objects and arrays from dotted headers, leaving empty cells out', () => {
    const header = [
      'accountNumber',
      'recipient.inn',
      'lines.0.serviceId',
      'lines.0.toPay',
      'lines.1.serviceId',
      'x',
    ];
    expect(csvRowToRecord(header, [' 100 ', '9717025407', 's1', '167,10', '', ''])).toEqual({
      accountNumber: '100',
      recipient: { inn: '9717025407' },
      lines: [{ serviceId: 's1', toPay: '167,10' }],
    });
  });

  it('closes holes in arrays and ignores unnamed columns', () => {
    const header = ['persons.0.fullName', 'persons.1.fullName', ''];
    expect(csvRowToRecord(header, ['', 'Петров', 'junk'])).toEqual({ persons: [{ fullName: 'Петров' }] });
  });

  it('never touches a prototype', () => {
    const rec = csvRowToRecord(['__proto__.polluted', 'constructor.x'], ['yes', '1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(rec)).toEqual(['__proto__', 'constructor']);
  });
});

describe('jsonElementLines', () => {
  it('gives the line each top-level element starts on', () => {
    const text = '[\n  {"a": "x,\\"]"},\n  {\n    "b": [1,\n 2]\n  }, 3\n,"s"]';
    expect(jsonElementLines(text)).toEqual([2, 3, 6, 7]);
    expect(jsonElementLines('[]')).toEqual([]);
    expect(jsonElementLines('[ ]')).toEqual([]);
  });
});
