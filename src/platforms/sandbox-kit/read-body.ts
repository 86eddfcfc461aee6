import type { IncomingMessage } from 'node:http';

/**
 * Reads the request body; answers undefined when it is over `maxBytes`. The rest is still drained
 * (not kept) so the 413 reaches a client that is still uploading, instead of a reset connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks, size) : undefined));
    req.on('error', reject);
  });
}
