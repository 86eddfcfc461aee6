import { changedKeys, keysReferencing } from '../../store/dependency-store.js';
import type { Db } from '../../store/open-store.js';
import type { OutboundStream } from '../connector/connector.js';

/**
 * The keys of a stream's records whose payload may have changed because a dependency changed in
 * the seq range (since, upto] (see `OutboundStream.dependsOn`): the changed records of each kind
 * the stream depends on, carried back along the chain (a changed house → its premises → their
 * accounts → their receipts), each step an index lookup. The stream's own changed records are read
 * by the pass anyway; they may be among these.
 */
export async function keysWithMovedDependencies(
  db: Db,
  orgId: string,
  stream: Pick<OutboundStream, 'kind' | 'dependsOn'>,
  since: number,
  upto: number,
): Promise<string[]> {
  const deps = stream.dependsOn ?? [];
  if (deps.length === 0 || upto <= since) return [];
  const affected = new Map<string, Set<string>>();
  for (const kind of new Set(deps.map((d) => d.kind))) {
    affected.set(kind, new Set(await changedKeys(db, orgId, kind, since, upto)));
  }
  const own = new Set<string>();
  // Farthest link first: a premise's changed house makes the premise count as changed before the
  // link from accounts to premises is followed.
  for (const dep of [...deps].reverse()) {
    const moved = affected.get(dep.kind);
    if (!moved || moved.size === 0) continue;
    const from = dep.from ?? stream.kind;
    const refs = await keysReferencing(db, orgId, from, dep.field, moved);
    let into = own;
    if (from !== stream.kind) {
      into = affected.get(from) ?? new Set();
      affected.set(from, into);
    }
    for (const k of refs) into.add(k);
  }
  return [...own];
}
