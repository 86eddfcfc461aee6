import type { RecordSink } from '../cli/import/record-sink.js';
import { type EntityKind, entityKinds } from '../domain/entity-kinds.js';
import { type DemoOptions, generateDemo } from './generate-demo.js';

export interface KindTotals {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/**
 * Streams generated demo data into a sink in batches per kind, holding at most one batch per kind
 * in memory. Returns the per-kind totals of the hub's answers.
 */
export async function loadDemo(
  sink: RecordSink,
  opts: DemoOptions & {
    batch?: number;
    onProgress?: (accounts: number, totals: Map<string, KindTotals>) => void;
  },
): Promise<Map<string, KindTotals>> {
  const batch = opts.batch ?? 2000;
  const buffers = new Map<EntityKind, unknown[]>();
  const totals = new Map<string, KindTotals>();
  let accounts = 0;

  const flush = async (kind: EntityKind) => {
    const records = buffers.get(kind);
    if (!records?.length) return;
    buffers.set(kind, []);
    const results = await sink.send(kind, records);
    const t = totals.get(kind.name) ?? { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of results) t[r.status]++;
    totals.set(kind.name, t);
    opts.onProgress?.(accounts, totals);
  };

  for (const { kind: name, record } of generateDemo(opts)) {
    const kind = entityKinds[name] as EntityKind;
    if (name === 'account') accounts++;
    const buffer = buffers.get(kind) ?? [];
    buffer.push(record);
    buffers.set(kind, buffer);
    if (buffer.length >= batch) await flush(kind);
  }
  for (const kind of buffers.keys()) await flush(kind);
  return totals;
}
