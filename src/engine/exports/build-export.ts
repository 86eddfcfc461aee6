import { dedupeReadings } from '../../domain/export/dedupe-readings.js';
import { EXPORT_KINDS, type ExportKind } from '../../domain/export/export-kinds.js';
import type { ExportProblem, ExportRow } from '../../domain/export/export-row.js';
import { rowOf } from '../../domain/export/kind-rows.js';
import { exportCursorPosition } from '../../store/export-cursor-store.js';
import { readInbox } from '../../store/inbox-store.js';
import type { Db } from '../../store/open-store.js';
import { completeReadingMeters } from './meters-of-readings.js';

export interface ExportRequest {
  kind: ExportKind;
  /** Start after this inbox cursor instead of the named cursor's position. */
  since?: number | undefined;
  /** Only rows of this day (`YYYY-MM-DD`) or month (`YYYY-MM`); without `since`, the whole inbox. */
  date?: string | undefined;
  cursorName: string;
  timeZone: string;
}

export interface BuiltExport {
  rows: ExportRow[];
  problems: ExportProblem[];
  /** The inbox cursor the export started after. */
  after: number;
  /** The last inbox cursor it read (`after` when nothing was there): what `ack` moves the cursor to. */
  through: number;
  /** How many inbox items it read. */
  items: number;
}

const PAGE = 5000;

/**
 * An export of one kind from the organization's inbox: every item after the start (the named
 * cursor, `since`, or the beginning for a `date`), each made a row or reported as a problem;
 * readings completed from our meters and deduplicated across platforms. Nothing moves here: the
 * named cursor advances only on an explicit ack (see export-routes).
 */
export async function buildExport(db: Db, orgId: string, req: ExportRequest): Promise<BuiltExport> {
  const after =
    req.since ??
    (req.date !== undefined ? 0 : await exportCursorPosition(db, orgId, req.kind, req.cursorName));
  let through = after;
  let items = 0;
  let rows: ExportRow[] = [];
  const problems: ExportProblem[] = [];
  for (;;) {
    const page = await readInbox(db, orgId, { after: through, limit: PAGE, kind: EXPORT_KINDS[req.kind] });
    for (const item of page.items) {
      const made = rowOf(req.kind, item, req.timeZone);
      if ('row' in made) rows.push(made.row);
      else problems.push(made.problem);
      through = item.cursor;
    }
    items += page.items.length;
    if (page.items.length < PAGE) break;
  }
  if (req.kind === 'readings') await completeReadingMeters(db, orgId, rows);
  const date = req.date;
  if (date !== undefined) rows = rows.filter((r) => r.day === date || r.day.startsWith(`${date}-`));
  if (req.kind === 'readings') rows = dedupeReadings(rows);
  return { rows, problems, after, through, items };
}
