import { createHash } from 'node:crypto';

/** A short digest: equal views hash equal, so the engine's delta sends nothing for an unchanged one. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
