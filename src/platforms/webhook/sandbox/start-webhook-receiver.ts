import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import { readBody } from '../../sandbox-kit/read-body.js';
import { WebhookBody, type WebhookEvent } from '../contract/webhook-event.js';
import { webhookHeaders } from '../contract/webhook-headers.js';
import { verifyWebhook } from '../contract/webhook-signature.js';

export interface WebhookReceiver {
  url: string;
  /** Events of every verified request, in arrival order (a redelivery appears again). */
  events: WebhookEvent[];
  /** When each verified request arrived (ms since the epoch) and how many events it held. */
  arrivals: Array<{ at: number; count: number }>;
  /** Requests refused because the signature did not verify. */
  badSignatures: number;
  requests: number;
  /** Answers `status` to the next `count` requests (before reading them): a failing billing. */
  fail(count: number, status?: number): void;
  close(): Promise<void>;
}

/**
 * A billing's webhook endpoint on loopback, as the README tells billings to write one: verifies the
 * signature over the raw body (400 when it does not verify), then answers 204. For tests and the
 * benchmark; it keeps what it received.
 */
export async function startWebhookReceiver(opts: {
  secret: string;
  host?: string;
  port?: number;
  /** Answered after a verified request (tests of a billing that refuses). */
  status?: number;
}): Promise<WebhookReceiver> {
  let failing = 0;
  let failStatus = 503;
  const receiver: Omit<WebhookReceiver, 'url' | 'close' | 'fail'> = {
    events: [],
    arrivals: [],
    badSignatures: 0,
    requests: 0,
  };
  const server = createServer((req, res) => {
    receiver.requests++;
    if (failing > 0) {
      failing--;
      res.writeHead(failStatus).end();
      req.resume();
      return;
    }
    readBody(req, 64 * 1024 * 1024).then(
      (raw) => {
        const header = (name: string) => {
          const v = req.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const why =
          raw &&
          verifyWebhook(
            opts.secret,
            { timestamp: header(webhookHeaders.timestamp), signature: header(webhookHeaders.signature) },
            raw,
          );
        if (!raw || why) {
          receiver.badSignatures++;
          res.writeHead(400, { 'content-type': 'text/plain' }).end(why ?? 'body too large');
          return;
        }
        const body = WebhookBody.parse(JSON.parse(raw.toString('utf8')));
        receiver.events.push(...body.events);
        receiver.arrivals.push({ at: Date.now(), count: body.events.length });
        res.writeHead(opts.status ?? 204).end();
      },
      () => res.writeHead(400).end(),
    );
  });
  const url = await listenServer(server, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return Object.assign(receiver, {
    url,
    fail(count: number, status = 503) {
      failing = count;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
