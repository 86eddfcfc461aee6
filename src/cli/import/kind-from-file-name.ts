import { basename } from 'node:path';
import { type EntityKind, entityKinds } from '../../domain/entity-kinds.js';

/**
 * The entity kind a file holds, from its name: the first word after an optional numeric prefix,
 * plural or singular — `accounts.ndjson`, `receipts-2024-01.csv`, `account.json`, `01_meters.jsonl`.
 * The prefix lets exports be numbered in the order they should be loaded; anything after the first
 * word (a period, a date) is the sender's own business. Undefined when the word names no kind.
 */
export function kindFromFileName(path: string): EntityKind | undefined {
  const name = basename(path).toLowerCase();
  const word = /^(?:\d+[\s._-]*)?([a-z]+)/.exec(name)?.[1];
  if (word === undefined) return undefined;
  return (Object.values(entityKinds) as EntityKind[]).find((k) => k.plural === word || k.name === word);
}
