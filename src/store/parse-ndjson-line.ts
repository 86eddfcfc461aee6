import { UnreadableRecord } from './ingest-records.js';

/**
 * One NDJSON line: the record, `undefined` for a blank line, or an UnreadableRecord naming the line
 * — a broken line is that record's error, never the whole request's or file's.
 */
export function parseNdjsonLine(text: string, line: number): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed);
  } catch (err) {
    return new UnreadableRecord({
      code: 'malformed_json',
      path: '',
      message: `line ${line} is not valid JSON: ${(err as Error).message}`,
    });
  }
}
