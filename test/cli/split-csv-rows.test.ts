import { describe, expect, it } from 'vitest';
import type { TextChunk } from '../../src/cli/import/read-text-chunks.js';
import { splitCsvRows } from '../../src/cli/import/split-csv-rows.js';

/** The rows of `text` split at every possible chunk boundary must be the same as read whole. */
async function rows(text: string, cut?: number): Promise<unknown[]> {
  async function* chunks(): AsyncGenerator<TextChunk> {
    if (cut === undefined) {
      yield { text, bytesRead: text.length };
      return;
    }
    yield { text: text.slice(0, cut), bytesRead: cut };
    yield { text: text.slice(cut), bytesRead: text.length };
  }
  const out: unknown[] = [];
  for await (const r of splitCsvRows(chunks(), ';')) {
    out.push('cells' in r ? [r.line, r.cells] : [r.line, 'unclosed', r.lastLine]);
  }
  return out;
}

describe('splitCsvRows', () => {
  const text = [
    'a;b;c\r\n',
    '\r\n',
    '1;ООО "Ромашка";x\r\n',
    '2;"в ""кавычках"";и с ;";y\r\n',
    '3;"две\r\nстроки";z\n',
    '4;"после"хвост;\n',
    '5;;',
  ].join('');
  const expected = [
    [1, ['a', 'b', 'c']],
    [3, ['1', 'ООО "Ромашка"', 'x']],
    [4, ['2', 'в "кавычках";и с ;', 'y']],
    [5, ['3', 'две\r\nстроки', 'z']],
    [7, ['4', 'послехвост', '']],
    [8, ['5', '', '']],
  ];

  it('splits plain and quoted rows, numbering lines like an editor', async () => {
    expect(await rows(text)).toEqual(expected);
  });

  it('gives the same rows wherever a chunk ends', async () => {
    for (let cut = 0; cut <= text.length; cut++)
      expect(await rows(text, cut), `cut at ${cut}`).toEqual(expected);
  });

  it('names the lines a quote that never closes leaves unread', async () => {
    expect(await rows('a;b\n1;"x\n2;y\n3;z\n')).toEqual([
      [1, ['a', 'b']],
      [2, 'unclosed', 4],
    ]);
  });
});
