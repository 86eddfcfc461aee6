import type { IncomingMessage } from 'node:http';

/** The cap on a request body; larger bodies are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** The whole request body, or undefined when it exceeds {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
