import type { ItemWrite } from '../contract/items-request.js';

/**
 * Checks the `POST /api/items` envelope by hand: a zod parse per item would dominate the benchmark,
 * which compares the engine with a bare loop against this server. Answers undefined when malformed.
 */
export function readItemWrites(body: unknown): ItemWrite[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) return undefined;
  for (const item of items) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { key, op } = item as { key?: unknown; op?: unknown };
    if (typeof key !== 'string' || key.length === 0) return undefined;
    if (op !== 'upsert' && op !== 'delete') return undefined;
  }
  return items as ItemWrite[];
}
