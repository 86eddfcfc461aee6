import { createHash } from 'node:crypto';
import { type EntityKindName, entityKinds } from '../domain/entity-kinds.js';
import type { Store } from '../store/open-store.js';
import { type PreparedRecord, upsertRecords } from '../store/record-store.js';
import { benchReceipts } from './bench-receipts.js';

/** Flats per house in the Doma.ai benchmark's data. */
export const FLATS_PER_HOUSE = 1000;

/** The ФИАС GUID of bench house `h` (deterministic, so the sandbox can be given the same houses). */
export function benchHouseFias(h: number): string {
  return `00000000-0000-4000-8000-${String(h).padStart(12, '0')}`;
}

export function benchHouseAddress(h: number): string {
  return `г Бенчград, ул Испытателей, д ${h + 1}`;
}

function prepare(kind: EntityKindName, input: unknown): PreparedRecord {
  const k = entityKinds[kind];
  const data = k.schema.parse(input);
  const json = JSON.stringify(data);
  return { key: k.keyOf(data as never), json, hash: createHash('sha256').update(json).digest('hex') };
}

/**
 * Houses, flats, accounts and one receipt of 12 services per account (the ingest benchmark's
 * receipts), written straight into the store: the receipts need their addresses to go to Doma.ai.
 */
export async function loadDomaBenchData(store: Store, orgId: string, receipts: number): Promise<void> {
  const houses = Math.ceil(receipts / FLATS_PER_HOUSE);
  await upsertRecords(
    store.db,
    orgId,
    'house',
    Array.from({ length: houses }, (_, h) =>
      prepare('house', { id: `h${h}`, address: benchHouseAddress(h), fiasGuid: benchHouseFias(h) }),
    ),
  );
  const CHUNK = 5000;
  let premises: PreparedRecord[] = [];
  let accounts: PreparedRecord[] = [];
  let rows: PreparedRecord[] = [];
  const flush = async () => {
    await upsertRecords(store.db, orgId, 'premise', premises);
    await upsertRecords(store.db, orgId, 'account', accounts);
    await upsertRecords(store.db, orgId, 'receipt', rows);
    premises = [];
    accounts = [];
    rows = [];
  };
  let i = 0;
  for (const receipt of benchReceipts(receipts)) {
    const number = String(receipt.accountNumber);
    premises.push(
      prepare('premise', {
        id: `p${i}`,
        houseId: `h${Math.floor(i / FLATS_PER_HOUSE)}`,
        number: String((i % FLATS_PER_HOUSE) + 1),
      }),
    );
    accounts.push(prepare('account', { number, premiseId: `p${i}`, ownerName: `Жилец ${i}` }));
    rows.push(prepare('receipt', receipt));
    i++;
    if (rows.length >= CHUNK) await flush();
  }
  if (rows.length > 0) await flush();
}
