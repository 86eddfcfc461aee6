import iconv from 'iconv-lite';
import { formatMoney } from '../money.js';
import { EXPORT_COLUMNS, type ExportColumn } from './export-columns.js';
import type { ExportEncoding, ExportKind } from './export-kinds.js';
import type { ExportRow } from './export-row.js';
import { oneC } from './one-c-values.js';

/**
 * The export as 1С reads it: `;` between cells, a header of Russian names, CRLF line ends, values
 * in 1С's formats (one-c-values). A cell with `;`, a quote or a line break is quoted, quotes doubled.
 */
export function exportCsv(kind: ExportKind, rows: readonly ExportRow[], timeZone: string): string {
  const columns = EXPORT_COLUMNS[kind];
  const lines = [columns.map((c) => csvCell(c.header))];
  for (const row of rows) lines.push(columns.map((c) => csvCell(cellText(c, row, timeZone))));
  return `${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}

/**
 * One JSON object a line: the row's fields in the API's formats (money as a rubles string, dates
 * `YYYY-MM-DD`, instants ISO) and `sources` — every inbox item the row stands for.
 */
export function exportNdjson(kind: ExportKind, rows: readonly ExportRow[]): string {
  const money = new Set(EXPORT_COLUMNS[kind].filter((c) => c.type === 'money').map((c) => c.field));
  return rows
    .map((row) => {
      const fields: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row.fields)) {
        if (value === undefined) continue;
        fields[name] = money.has(name) && typeof value === 'number' ? formatMoney(value) : value;
      }
      return `${JSON.stringify({ ...fields, sources: row.sources })}\n`;
    })
    .join('');
}

/** The file's bytes: windows-1251 (what 1С reads by default) or UTF-8. */
export function encodeExport(text: string, encoding: ExportEncoding): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1251');
}

function cellText(c: ExportColumn, row: ExportRow, timeZone: string): string {
  if (c.field === 'sources') return row.sources.map((s) => s.platform).join(', ');
  if (c.field === 'sourceIds') return row.sources.map((s) => s.sourceId).join(', ');
  const v = row.fields[c.field];
  if (v === undefined) return '';
  switch (c.type) {
    case 'date':
      return oneC.date(String(v));
    case 'instant':
      return oneC.instant(String(v), timeZone);
    case 'money':
      return oneC.money(Number(v));
    case 'decimal':
      return oneC.decimal(String(v));
    case 'period':
      return oneC.period(String(v));
    default:
      return String(v);
  }
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
