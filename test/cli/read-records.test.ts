import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/cli/import/read-item.js';
import { type ReadOptions, readRecords } from '../../src/cli/import/read-records.js';
import { UnreadableRecord } from '../../src/store/record-validation.js';

const dir = mkdtempSync(join(tmpdir(), 'zb-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, content: string | Buffer, opts: ReadOptions = {}): Promise<ReadItem[]> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const out: ReadItem[] = [];
  for await (const item of readRecords(path, opts)) out.push(item);
  return out;
}

const summary = (items: ReadItem[]) =>
  items.map((i) =>
    i.record instanceof UnreadableRecord
      ? [i.line, i.record.error.code, i.record.error.message]
      : [i.line, i.record],
  );

describe('readRecords', () => {
  it('streams NDJSON with CRLF and blank lines, numbering lines like an editor', async () => {
    const items = await read('a.ndjson', '{"id":"1"}\r\n\r\n{"id":\r\n{"id":"3"}');
    expect(summary(items)).toEqual([
      [1, { id: '1' }],
      [3, 'malformed_json', expect.stringMatching(/^line 3 is not valid JSON/)],
      [4, { id: '3' }],
    ]);
    expect(items.at(-1)!.bytesRead).toBe(Buffer.byteLength('{"id":"1"}\r\n\r\n{"id":\r\n{"id":"3"}'));
  });

  it('reads windows-1251 NDJSON too', async () => {
    const items = await read('b.jsonl', iconv.encode('{"name":"Отопление"}\n', 'cp1251'));
    expect(summary(items)).toEqual([[1, { name: 'Отопление' }]]);
  });

  it('makes a CSV row with the wrong number of cells that row’s error; trailing empty cells are fine', async () => {
    const csv = 'id;name;\n1;Вода;\n2;Газ;лишнее;x\n3\n4;Свет\n';
    expect(summary(await read('c.csv', csv))).toEqual([
      [2, { id: '1', name: 'Вода' }],
      [3, 'csv_field_count', 'line 3 has 4 cells but the header names 2'],
      [4, 'csv_field_count', 'line 4 has 1 cells but the header names 2'],
      [5, { id: '4', name: 'Свет' }],
    ]);
  });

  it('numbers a CSV record by its first line even when a quoted cell spans lines', async () => {
    const csv = 'id,name\n1,"two\nlines"\n2,"ООО ""Ромашка"""\n3,ООО "Лютик"\n';
    expect(summary(await read('d.csv', csv))).toEqual([
      [2, { id: '1', name: 'two\nlines' }],
      [4, { id: '2', name: 'ООО "Ромашка"' }],
      [5, { id: '3', name: 'ООО "Лютик"' }],
    ]);
  });

  it('reports a quote that is never closed instead of dropping the rest silently', async () => {
    const items = summary(await read('e.csv', 'id;name\n1;a\n2;"b\n3;c\n'));
    expect(items[0]).toEqual([2, { id: '1', name: 'a' }]);
    expect(items[1]).toEqual([3, 'csv_malformed', expect.stringMatching(/never closed/)]);
  });

  it('honours --format, --encoding and --delimiter', async () => {
    const items = await read('f.txt', iconv.encode('id|name\n1|Ёлка\n', 'cp1251'), {
      format: 'csv',
      encoding: 'cp1251',
      delimiter: '|',
    });
    expect(summary(items)).toEqual([[2, { id: '1', name: 'Ёлка' }]]);
    const tabbed = await read('g.csv', 'id\tname\n1\tx\n', { delimiter: '\\t' });
    expect(summary(tabbed)).toEqual([[2, { id: '1', name: 'x' }]]);
  });

  it('reads one record from a JSON object file', async () => {
    expect(summary(await read('house.json', '\n\n  {"id":"h1"}'))).toEqual([[3, { id: 'h1' }]]);
  });
});
