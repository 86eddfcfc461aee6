import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { demoOrganization } from '../demo/generate-demo.js';
import { encodeExport, exportCsv } from '../domain/export/render-export.js';
import { buildExport } from '../engine/exports/build-export.js';
import { appendInbox, type InboxEntryInput } from '../store/inbox-store.js';
import { openScratchStore } from '../store/open-scratch-store.js';
import type { Store } from '../store/open-store.js';
import { upsertOrg } from '../store/org-store.js';
import { queryRows } from '../store/query-rows.js';
import { upsertRecords } from '../store/record-store.js';
import { prepareRecord } from '../store/record-validation.js';
import { benchLine } from './bench-line.js';

const ORG = 'bench';
/** Inbox items per page, as the export reads them. */
const PAGE = 5000;

/**
 * `readings` inbox items, every reading sent through both platforms the way their connectors land
 * it (Doma.ai: account and meter number; «Умное ЖКХ»: our meter id), one meter record per reading.
 */
async function fill(store: Store, readings: number): Promise<void> {
  await upsertOrg(store.db, demoOrganization({ orgId: ORG }) as never);
  const meters = readings / 2;
  for (let from = 0; from < meters; from += 5000) {
    const chunk = Array.from({ length: Math.min(5000, meters - from) }, (_, j) => {
      const i = from + j;
      return prepareRecord(`m-${i}`, {
        id: `m-${i}`,
        accountNumber: `74${String(i).padStart(8, '0')}`,
        resource: 'cold_water',
        number: `ХВ-${i}`,
        tariffCount: 1,
      });
    });
    await upsertRecords(store.db, ORG, 'meter', chunk);
    const items: InboxEntryInput[] = chunk.flatMap((_, j) => {
      const i = from + j;
      const date = `2026-11-${String(15 + (i % 10)).padStart(2, '0')}`;
      const value1 = `${100 + (i % 900)}.${i % 100}`;
      return [
        {
          connectionId: 'c-doma',
          platform: 'doma',
          kind: 'reading',
          sourceId: `d-${i}`,
          payload: {
            sourceId: `d-${i}`,
            accountNumber: `74${String(i).padStart(8, '0')}`,
            meterNumber: `ХВ-${i}`,
            date,
            value1: `${value1}000000`,
            occurredAt: `${date}T06:00:00.000Z`,
          },
        },
        {
          connectionId: 'c-uzhkh',
          platform: 'uzhkh',
          kind: 'reading',
          sourceId: `u-${i}`,
          payload: {
            sourceId: `u-${i}`,
            meterId: `m-${i}`,
            meterNumber: `ХВ-${i}`,
            date,
            value1,
            occurredAt: `${date}T09:00:00+03:00`,
          },
        },
      ];
    });
    await appendInbox(store.db, ORG, items);
  }
}

/** The raw limit: the same pages of the inbox, each payload's fields joined by `;` and encoded. */
async function rawExport(store: Store): Promise<number> {
  const lines: string[] = [];
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; payload: unknown }>(
      store.db,
      sql`SELECT id, payload FROM inbox WHERE org_id = ${ORG} AND id > ${after} AND kind = 'reading' ORDER BY id LIMIT ${PAGE}`,
    );
    for (const r of rows) {
      const p = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, string>;
      lines.push([p.date, p.accountNumber, p.meterNumber, p.meterId, p.value1, p.occurredAt].join(';'));
    }
    if (rows.length < PAGE) break;
    after = Number(rows.at(-1)!.id);
  }
  return iconv.encode(lines.join('\r\n'), 'win1251').length;
}

async function measure(store: Store, name: string, readings: number, log: (l: string) => void) {
  await fill(store, readings);
  let t = performance.now();
  const raw = await rawExport(store);
  const rawSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const out = await buildExport(store.db, ORG, {
    kind: 'readings',
    since: 0,
    cursorName: 'readings',
    timeZone: 'Europe/Moscow',
  });
  const bytes = encodeExport(exportCsv('readings', out.rows, 'Europe/Moscow'), 'windows-1251').length;
  const seconds = (performance.now() - t) / 1000;
  if (out.rows.length !== readings / 2 || out.problems.length > 0)
    throw new Error(
      `expected ${readings / 2} deduplicated rows, got ${out.rows.length} (${out.problems.length} problems)`,
    );
  log(
    `  ${name}: ${readings} inbox readings → ${out.rows.length} rows, ${bytes} bytes in ${seconds.toFixed(2)} s; raw ${raw} bytes in ${rawSeconds.toFixed(2)} s`,
  );
  log(
    benchLine({
      name: 'exports',
      metric: `readings_per_s_${name}`,
      ours: readings / seconds,
      limit: readings / rawSeconds,
      unit: 'items/s',
    }),
  );
}

/** `npm run bench -- exports`: the readings file for 1С of a month, beside a bare dump of the same inbox pages. */
export function registerExportsBench(program: Command): void {
  program
    .command('exports')
    .description(
      "A month's readings from two platforms (each reading sent by both) exported for 1С — read, completed from the meters, deduplicated, written as windows-1251 CSV — beside a bare dump of the same inbox pages joined by ';' (PGlite; PostgreSQL too when DATABASE_URL is set)",
    )
    .option('--readings <n>', 'inbox readings (half of them repeats from the other platform)', '100000')
    .action(async (flags: { readings: string }) => {
      const readings = Math.max(2, Math.floor(Number(flags.readings) / 2) * 2);
      const log = (line: string) => console.log(line);
      const pglite = await openScratchStore({ driver: 'pglite', onDisk: true });
      try {
        await measure(pglite, 'pglite', readings, log);
      } finally {
        await pglite.close();
      }
      const url = process.env.DATABASE_URL;
      if (!url) return;
      const pgStore = await openScratchStore({ driver: 'postgres', serverUrl: url });
      try {
        await measure(pgStore, 'postgres', readings, log);
      } finally {
        await pgStore.close();
      }
    });
}
