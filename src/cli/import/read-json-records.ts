import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { parseJson } from '../../domain/parse-json.js';
import { jsonErrorPosition } from '../../hub/json-body-parsers.js';
import { CliError } from '../cli-error.js';
import { jsonElementLines } from './json-element-lines.js';
import type { ReadItem } from './read-item.js';
import type { TextEncoding } from './read-text-chunks.js';

/**
 * A `.json` file: a top-level array of records, or one record as an object (`account.json`). JSON
 * cannot be streamed record by record without a streaming parser, so the file is read whole — fine
 * for the sizes people keep in one JSON document; big exports should be NDJSON or CSV. A file that
 * is not JSON at all is a fatal error naming the line and column.
 */
export async function* readJsonRecords(path: string, encoding: TextEncoding): AsyncGenerator<ReadItem> {
  const bytes = await readFile(path);
  const text = iconv.decode(bytes, encoding === 'utf8' ? 'utf8' : 'cp1251', { stripBOM: true });
  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (err) {
    const where = jsonErrorPosition(text, err);
    const at = where.line === undefined ? '' : ` at line ${where.line}, column ${where.column}`;
    throw new CliError(`${path} is not valid JSON${at}: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) {
    if (typeof parsed !== 'object' || parsed === null) {
      throw new CliError(`${path} must hold a JSON array of records (or one record as an object)`);
    }
    yield { record: parsed, line: firstLine(text), bytesRead: bytes.length };
    return;
  }
  const lines = jsonElementLines(text);
  for (let i = 0; i < parsed.length; i++) {
    // Progress in proportion to the records handed out: the bytes were all read at once.
    const bytesRead = Math.round((bytes.length * (i + 1)) / parsed.length);
    yield { record: parsed[i], line: lines[i] ?? 1, bytesRead };
  }
}

function firstLine(text: string): number {
  const start = text.search(/\S/);
  return start <= 0 ? 1 : text.slice(0, start).split('\n').length;
}
