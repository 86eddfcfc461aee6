import type { ExportRow } from './export-row.js';

/**
 * The same reading reaches the inbox more than once: sent by a resident in two apps (Doma.ai and
 * «Умное ЖКХ» both pass it on), or repeated by one platform under a new id. A reading is its meter,
 * its date and its values; rows equal in those are one row, listing every source, in inbox order.
 * The meter is our meter id when known, else the account and the meter's number.
 */
export function dedupeReadings(rows: readonly ExportRow[]): ExportRow[] {
  const byKey = new Map<string, ExportRow>();
  for (const row of rows) {
    const key = readingKey(row);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...row, sources: [...row.sources], fields: { ...row.fields } });
      continue;
    }
    seen.sources.push(...row.sources);
    for (const [name, value] of Object.entries(row.fields)) {
      if (seen.fields[name] === undefined) seen.fields[name] = value;
    }
    // When it was first sent is what the billing wants to know.
    const a = seen.fields.occurredAt;
    const b = row.fields.occurredAt;
    if (typeof a === 'string' && typeof b === 'string' && b < a) seen.fields.occurredAt = b;
  }
  return [...byKey.values()];
}

function readingKey(row: ExportRow): string {
  const f = row.fields;
  const meter =
    f.meterId !== undefined ? `id:${f.meterId}` : `n:${f.accountNumber ?? ''}/${f.meterNumber ?? ''}`;
  return [meter, f.date, f.value1, f.value2 ?? '', f.value3 ?? '', f.value4 ?? ''].join('\u0000');
}
