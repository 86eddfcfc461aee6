import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header's value for a body signed at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `v1=${mac}`;
}

/**
 * What a billing does with a request (README "Webhooks → verifying"): recompute the HMAC over the
 * raw body as received, compare in constant time, and refuse a timestamp too far from now (a
 * replayed request). Answers why it refused, or undefined when the request is ours.
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string | Buffer,
  opts: { toleranceSeconds?: number; now?: number } = {},
): string | undefined {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(ts)) return 'no timestamp';
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (opts.toleranceSeconds ?? 300)) return 'timestamp too old or in the future';
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  return undefined;
}
