import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBody } from '../../sandbox-kit/read-body.js';
import { DomaErrorCode } from '../contract/doma-errors.js';
import { DOMA_API_PATH } from '../contract/doma-limits.js';
import { type ApiAnswer, requestError } from './api-answer.js';
import type { DomaRuntime } from './doma-runtime.js';
import { handleAdmin } from './handle-admin.js';
import { handleApi } from './handle-api.js';
import { parseMultipart } from './parse-multipart.js';
import { json, sendAnswer } from './send-answer.js';

/** The cap on a request body; larger bodies are refused with 413 before parsing. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

const bearerOf = (req: IncomingMessage): string | undefined =>
  /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();

const badRequest = (message: string): ApiAnswer =>
  json(400, { errors: [requestError(message, { code: DomaErrorCode.badUserInput }, 'BadRequestError')] });

/** Faults first (latency, a proxy's 503, the platform's 500), then the API or an admin route. */
export async function handleRequest(
  rt: DomaRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  reseed: () => void,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    // Far above the platform's 512 KB variables limit: a multipart PDF upload is the largest body.
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body)
      return sendAnswer(
        res,
        json(413, {
          errors: [
            requestError(
              'request entity too large',
              { code: DomaErrorCode.payloadTooLarge },
              'PayloadTooLargeError',
            ),
          ],
        }),
      );
    if (url.pathname.startsWith('/_sandbox/')) {
      let parsed: unknown;
      try {
        parsed = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return sendAnswer(res, json(400, { error: 'body is not JSON' }));
      }
      return sendAnswer(res, handleAdmin(rt, req.method ?? 'GET', url.pathname, parsed, reseed));
    }
    if (url.pathname !== DOMA_API_PATH || req.method !== 'POST')
      return sendAnswer(res, json(404, { error: 'not found' }));
    if (rt.faults.latencyMs > 0) await sleep(rt.faults.latencyMs);
    if (rt.faults.http5xxRate > 0 && rt.random() < rt.faults.http5xxRate) {
      return sendAnswer(res, {
        status: 503,
        headers: {},
        body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
      });
    }
    if (rt.faults.errorRate > 0 && rt.random() < rt.faults.errorRate) {
      return sendAnswer(
        res,
        json(500, {
          errors: [requestError('Internal server error', { code: DomaErrorCode.internal }, 'Error')],
        }),
      );
    }
    const token = bearerOf(req);
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const parts = await parseMultipart(body, contentType);
      if ('error' in parts) return sendAnswer(res, badRequest(parts.error));
      return sendAnswer(res, handleApi(rt, { body: parts.operations, files: parts.files, token }));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return sendAnswer(res, badRequest((err as Error).message));
    }
    return sendAnswer(res, handleApi(rt, { body: parsed, token }));
  } catch (err) {
    if (!res.headersSent) {
      sendAnswer(
        res,
        json(500, {
          errors: [requestError((err as Error).message, { code: DomaErrorCode.internal }, 'Error')],
        }),
      );
    } else res.destroy();
  }
}
