import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJson } from '../domain/parse-json.js';
import { findUnstorableText } from '../domain/unstorable-text.js';
import { parseNdjsonLine } from '../store/parse-ndjson-line.js';
import { DeferredBody } from './deferred-body.js';
import { firstInvalidUtf8 } from './first-invalid-utf8.js';
import { HttpError } from './http-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The body is an array of records validated one by one (bulk upserts): text that cannot be
     * stored refuses its record there, not the whole request here.
     */
    perRecordBody?: boolean;
    /**
     * A route a platform calls on us (`/p/<platform>/…`): it answers bad input as the platform's
     * document says (is74's /api/auth: 401 for a login it cannot read), not with the hub's 400.
     */
    platformAnswers?: boolean;
    /**
     * The body is a bulk request of canonical records (with `perRecordBody`): one of at least
     * `deferBulkAtBytes` reaches the handler unparsed, as a DeferredBody, for a bulk-body thread.
     */
    bulkRecords?: boolean;
  }
}

/** Where JSON.parse stopped, as offset/line/column, so a sender can find the broken spot. */
export function jsonErrorPosition(
  text: string,
  err: unknown,
): { position?: number; line?: number; column?: number } {
  const m = /position (\d+)/.exec(String((err as Error).message));
  // No position ("Unexpected end of JSON input"): the text ended too early, so the end is where.
  const position = m ? Number(m[1]) : text.length;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { position, line, column: position - before.lastIndexOf('\n') };
}

function parseBody(text: string): unknown {
  try {
    return parseJson(text);
  } catch (err) {
    const where = jsonErrorPosition(text, err);
    const end = where.position === text.length ? ', the end of the body: is it complete?' : '';
    throw new HttpError(
      400,
      'malformed_json',
      `request body is not valid JSON at position ${where.position} (line ${where.line}, column ${where.column}${end}): ${(err as Error).message}`,
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

/**
 * The body as text. JSON is UTF-8 (RFC 8259): other bytes are refused with where they are, rather
 * than read as U+FFFD and stored — the usual cause is a windows-1251 export from 1С, which
 * `zhkh-bridge import --encoding cp1251` reads. A UTF-8 byte order mark is skipped.
 */
export function decodeUtf8Body(body: Buffer): string {
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    const line = body.subarray(0, at).toString('latin1').split('\n').length;
    throw new HttpError(
      400,
      'invalid_utf8',
      `request body is not UTF-8: byte ${at} (line ${line}) is 0x${body[at]!.toString(16).padStart(2, '0')}. JSON must be UTF-8; for a windows-1251 (cp1251) file use \`zhkh-bridge import --encoding cp1251\` or convert it first.`,
      { position: at, line },
    );
  }
  const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  return body.toString('utf8', start);
}

const UNSTORABLE = Symbol('unstorable text escapes');
/** A `\u0000` or a surrogate escape in the text: the body may hold text PostgreSQL cannot store. */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** A JSON or NDJSON body's bytes as its value (NDJSON: the array of its lines' records). */
export function parseBodyBytes(body: Buffer, ndjson: boolean): unknown {
  const text = decodeUtf8Body(body);
  return ndjson ? parseNdjson(text) : parseBody(text);
}

export interface BodyParserOptions {
  /** Bodies of `bulkRecords` routes from this size on are left to a bulk-body thread; none without. */
  deferBulkAtBytes?: number | undefined;
}

export function registerJsonBodyParsers(app: FastifyInstance, opts: BodyParserOptions = {}): void {
  const parse = (req: FastifyRequest, buf: Buffer, ndjson: boolean): unknown => {
    const at = opts.deferBulkAtBytes;
    if (at !== undefined && buf.length >= at && req.routeOptions.config.bulkRecords)
      return new DeferredBody(buf, ndjson);
    const text = decodeUtf8Body(buf);
    if (UNSTORABLE_ESCAPE.test(text)) (req as unknown as Record<symbol, boolean>)[UNSTORABLE] = true;
    return ndjson ? parseNdjson(text) : parseBody(text);
  };
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      const buf = body as Buffer;
      done(null, buf.length === 0 ? undefined : parse(req, buf, false));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson', 'application/jsonl'],
    { parseAs: 'buffer' },
    (req, body, done) => {
      try {
        done(null, parse(req, body as Buffer, true));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  // Text PostgreSQL cannot store (a lone surrogate, NUL) is a 400 naming the field, not a failed
  // statement (500). Bulk routes refuse the record instead (`perRecordBody`).
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    if (
      !(req as unknown as Record<symbol, boolean>)[UNSTORABLE] ||
      config.perRecordBody ||
      config.platformAnswers
    )
      return;
    const problem = findUnstorableText(req.body);
    if (problem) {
      const path = ['body', ...(problem.path ? [problem.path] : [])].join('.');
      throw new HttpError(400, problem.code, `${path} ${problem.message}`, { path });
    }
  });
}
