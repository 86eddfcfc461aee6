import { basename } from 'node:path';
import type { ImportResult } from './import-files.js';

/**
 * The first rejections of an import, one line per error, for the terminal — where in the file
 * (name:line), the column as written, the field, what is wrong:
 *   readings.csv:14 «Дата» (reading.date) date_format: Date "31.02.2026" does not exist: that month has 28 days
 * The report file has all of them.
 */
export function formatRejections(result: ImportResult): string {
  const lines: string[] = [];
  for (const entry of result.firstReported) {
    for (const e of entry.errors) {
      const where = `${basename(entry.file)}:${e.line ?? entry.line}`;
      const column = e.column ? ` «${e.column}»` : '';
      const field = e.path ? ` (${entry.kind}.${e.path})` : '';
      const key = entry.key ? ` [${entry.key}]` : '';
      lines.push(`${where}${column}${field}${key} ${e.code}: ${e.message}`);
    }
  }
  const more = result.reported - result.firstReported.length;
  if (more > 0) lines.push(`… and ${more} more in ${result.reportPath}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
