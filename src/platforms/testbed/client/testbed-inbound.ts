import { z } from 'zod';
import type { InboundPage, InboundStream } from '../../../engine/connector/connector.js';
import { InboundAckResponse } from '../contract/inbound-ack.js';
import { InboundResponse } from '../contract/inbound-response.js';
import { inboundSequence } from '../contract/inbound-sequence.js';
import { TESTBED_INBOUND_DEFAULT_LIMIT, testbedPaths } from '../contract/testbed-paths.js';
import { authorizedHeaders } from './authorized-headers.js';
import { readAnswer } from './read-answer.js';
import type { TestbedContext } from './testbed-context.js';
import type { TestbedCredentials } from './testbed-credentials.js';
import type { TestbedSettings } from './testbed-settings.js';
import { testbedUrl } from './testbed-url.js';

/**
 * The queue is not a cursor: records stay until acknowledged, so `lastId` (the highest id seen) is
 * only a record of progress, and redelivered ids are deduplicated by the engine through `sourceId`.
 */
const Checkpoint = z.object({ lastId: z.string().nullable() });
const AckToken = z.array(z.string());

async function pull(checkpoint: unknown, ctx: TestbedContext): Promise<InboundPage> {
  const res = await ctx.fetch(
    testbedUrl(ctx, `${testbedPaths.inbound}?limit=${TESTBED_INBOUND_DEFAULT_LIMIT}`),
    {
      headers: await authorizedHeaders(ctx),
    },
  );
  const page = await readAnswer(res, InboundResponse, 'inbound');
  const previous = Checkpoint.safeParse(checkpoint);
  let lastId = previous.success ? previous.data.lastId : null;
  for (const record of page.items) {
    if (lastId === null || inboundSequence(record.id) > inboundSequence(lastId)) lastId = record.id;
  }
  return {
    items: page.items.map((record) => ({ kind: record.kind, sourceId: record.id, payload: record.payload })),
    checkpoint: { lastId },
    ackToken: page.items.map((record) => record.id),
    hasMore: page.hasMore,
  };
}

/** Removing already-removed ids is a no-op on the platform, so a retried ack is harmless. */
async function ack(ackToken: unknown, ctx: TestbedContext): Promise<void> {
  const ids = AckToken.parse(ackToken);
  if (ids.length === 0) return;
  const res = await ctx.fetch(testbedUrl(ctx, testbedPaths.inboundAck), {
    method: 'POST',
    headers: await authorizedHeaders(ctx, { 'content-type': 'application/json' }),
    body: JSON.stringify({ ids }),
  });
  await readAnswer(res, InboundAckResponse, 'inbound/ack');
}

/** The single inbound stream: everything the platform queued for the billing. */
export const testbedInbound: InboundStream<TestbedSettings, TestbedCredentials> = {
  name: 'inbound',
  checkpointVersion: 1,
  pull,
  ack,
};
