import { parseJson } from '../domain/parse-json.js';
import { UnreadableRecord } from './record-validation.js';

/**
 * One NDJSON line: the record, `undefined` for a blank line, or an UnreadableRecord naming the line
 * — a broken line is that record's error, never the whole request's or file's.
 */
export function parseNdjsonLine(text: string, line: number): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return parseJson(trimmed);
  } catch (err) {
    const message = (err as Error).message;
    // Without a position the line ended too early (a truncated last line): say so.
    const end = /position \d+/.test(message) ? '' : ` at column ${trimmed.length + 1}, the end of the line`;
    return new UnreadableRecord({
      code: 'malformed_json',
      path: '',
      message: `line ${line} is not valid JSON${end}: ${message}`,
    });
  }
}
