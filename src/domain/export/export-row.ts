/** What an export reads of an inbox item (the store's InboxEntry has these and more). */
export interface InboxItem {
  cursor: number;
  platform: string;
  connectionId: string;
  sourceId: string;
  receivedAt: string;
  payload: unknown;
}

/** Where a row came from: one inbox item (a deduplicated reading has several). */
export interface ExportSource {
  cursor: number;
  platform: string;
  connectionId: string;
  sourceId: string;
  receivedAt: string;
}

/**
 * One row of an export: the kind's fields in the hub's own formats (dates `YYYY-MM-DD`, instants
 * ISO, money integer kopecks, decimals with a dot) — CSV writes them the 1С way, NDJSON as they are.
 */
export interface ExportRow {
  sources: ExportSource[];
  /** The local day the row belongs to (a reading's date, a payment's day): what `--date` selects. */
  day: string;
  fields: Record<string, string | number | undefined>;
}

/** An inbox item the export could not turn into a row: named by its cursor and the field. */
export interface ExportProblem {
  cursor: number;
  platform: string;
  sourceId: string;
  field: string;
  message: string;
}

export type RowOrProblem = { row: ExportRow } | { problem: ExportProblem };

export function sourceOf(e: InboxItem): ExportSource {
  return {
    cursor: e.cursor,
    platform: e.platform,
    connectionId: e.connectionId,
    sourceId: e.sourceId,
    receivedAt: e.receivedAt,
  };
}

export function problemOf(e: InboxItem, field: string, message: string): { problem: ExportProblem } {
  return { problem: { cursor: e.cursor, platform: e.platform, sourceId: e.sourceId, field, message } };
}
