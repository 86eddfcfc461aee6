import { entityKinds } from '../../domain/entity-kinds.js';
import type { ConnectorRegistry } from '../../engine/connector/connector-registry.js';

export type NormalizedKinds =
  | { ok: true; kinds: string[] }
  | { ok: false; unknown: string[]; known: string[] };

/**
 * Sync kinds as the engine names them: the singular canonical kind for outbound streams (`service`)
 * and the stream name for inbound ones. The record API speaks plurals (`services`), so both are
 * accepted. A kind no platform knows is refused rather than silently producing an empty run.
 */
export function normalizeKinds(connectors: ConnectorRegistry, kinds: readonly string[]): NormalizedKinds {
  const known = new Set<string>();
  for (const name of connectors.names()) {
    const c = connectors.get(name)!;
    for (const s of c.outbound) known.add(s.kind);
    for (const s of c.inbound) known.add(s.name);
  }
  const byPlural = new Map<string, string>(Object.values(entityKinds).map((k) => [k.plural, k.name]));
  const out: string[] = [];
  const unknown: string[] = [];
  for (const k of kinds) {
    const name = known.has(k) ? k : (byPlural.get(k) ?? k);
    if (known.has(name)) {
      if (!out.includes(name)) out.push(name);
    } else unknown.push(k);
  }
  return unknown.length > 0 ? { ok: false, unknown, known: [...known] } : { ok: true, kinds: out };
}
