import type { EntityKind } from './entity-kinds.js';

/**
 * The key of a record in its input form when its key fields are readable strings — for a record
 * not validated yet (or refused), to tell the sender which one it is.
 */
export function keyOfInput(kind: EntityKind, input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  const parts = kind.keyFields.map((f) => o[f]);
  return parts.every((p) => typeof p === 'string' && p.length > 0) ? parts.join('/') : undefined;
}
