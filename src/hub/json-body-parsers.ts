import type { FastifyInstance } from 'fastify';
import { parseNdjsonLine } from '../store/parse-ndjson-line.js';
import { HttpError } from './http-error.js';

/** Where JSON.parse stopped, as offset/line/column, so a sender can find the broken spot. */
export function jsonErrorPosition(
  text: string,
  err: unknown,
): { position?: number; line?: number; column?: number } {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return text.trim() === '' ? { position: 0, line: 1, column: 1 } : {};
  const position = Number(m[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { position, line, column: position - before.lastIndexOf('\n') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const where = jsonErrorPosition(text, err);
    const at =
      where.position === undefined
        ? ''
        : ` at position ${where.position} (line ${where.line}, column ${where.column})`;
    throw new HttpError(
      400,
      'malformed_json',
      `request body is not valid JSON${at}: ${(err as Error).message}`,
      where,
    );
  }
}

/**
 * NDJSON: one record a line. A broken line is that record's error (partial success), not the
 * request's: the other lines still land.
 */
export function parseNdjson(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const record = parseNdjsonLine(lines[i]!, i + 1);
    if (record !== undefined) out.push(record);
  }
  return out;
}

export function registerJsonBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : parseJson(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson', 'application/jsonl'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, parseNdjson(body as string)),
  );
}
