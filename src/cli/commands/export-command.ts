import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { parseExportDate } from '../../domain/export/export-date.js';
import { type ExportEncoding, exportKindNames } from '../../domain/export/export-kinds.js';
import type { ExportProblem } from '../../domain/export/export-row.js';
import { encodeExport } from '../../domain/export/render-export.js';
import { CliError } from '../cli-error.js';
import { orgPath } from '../hub-path.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface ExportFlags extends StoreFlags, RemoteFlags {
  org: string;
  kind: string;
  since?: number;
  date?: string;
  format: 'csv' | 'ndjson';
  encoding?: ExportEncoding;
  ack?: boolean;
  cursorName?: string;
  timeZone: string;
  out: string;
}

const EXAMPLES = `
Reads the inbox after the named cursor (default: the kind's name), or after --since <cursor>;
--date alone reads the whole inbox for that day (YYYY-MM-DD) or month (YYYY-MM). Readings that two
platforms (or one, twice) sent are one row listing both sources. The cursor stays where it is
unless --ack is given: --ack moves it past this file once the file is written, so a load that
failed is repeated by running the same command without --ack.

Examples:
  zhkh-bridge export --org uk-sever --kind readings --out readings.csv            # what is new; cursor stays
  zhkh-bridge export --org uk-sever --kind readings --out readings.csv --ack      # the same file; cursor moves
  zhkh-bridge export --org uk-sever --kind readings --date 2026-11 --out november.csv
  zhkh-bridge export --org uk-sever --kind payments --format ndjson --out payments.ndjson`;

function parseCursor(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`--since "${value}" is not an inbox cursor (a whole number)`);
  return n;
}

/** `zhkh-bridge export`: a file 1С loads (or NDJSON) of what platforms sent back, by kind. */
export function registerExportCommand(program: Command): void {
  withRemoteOptions(
    withStoreOptions(
      program
        .command('export')
        .description(
          'Write readings, payments, заявки or registration requests from the inbox as a file 1С loads',
        )
        .requiredOption('--org <id>', 'the organization')
        .addOption(
          new Option('--kind <kind>', 'what to export').choices(exportKindNames).makeOptionMandatory(),
        )
        .addOption(new Option('--since <cursor>', 'start after this inbox cursor').argParser(parseCursor))
        .option('--date <YYYY-MM-DD|YYYY-MM>', "only this day's or month's rows")
        .addOption(new Option('--format <format>', 'the file').choices(['csv', 'ndjson']).default('csv'))
        .addOption(
          new Option('--encoding <encoding>', 'CSV encoding (default windows-1251; NDJSON is UTF-8)').choices(
            ['windows-1251', 'utf-8'],
          ),
        )
        .option('--ack', 'move the named cursor past this file once it is written')
        .option('--cursor-name <name>', 'the named cursor (default: the kind)')
        .option('--time-zone <zone>', 'the zone of dates and times in the file', 'Europe/Moscow')
        .requiredOption('--out <file>', 'the file to write'),
    ),
  )
    .addHelpText('after', EXAMPLES)
    .action((flags: ExportFlags, command: Command) => {
      if (flags.date !== undefined) {
        try {
          parseExportDate(flags.date);
        } catch (err) {
          throw new CliError(`--date: ${(err as Error).message} (a day YYYY-MM-DD or a month YYYY-MM)`);
        }
      }
      if (flags.ack && flags.date !== undefined)
        throw new CliError(
          '--ack with --date would move the cursor past every other day too; export by cursor to ack, or drop --ack',
        );
      if (flags.format === 'ndjson' && flags.encoding === 'windows-1251')
        throw new CliError('NDJSON is UTF-8; --encoding windows-1251 is for CSV');
      return withHubClient(flags, command, async (client) => {
        // The file travels as UTF-8 text and is encoded here, so both paths write the same bytes.
        const q = new URLSearchParams({ format: flags.format, encoding: 'utf-8', timeZone: flags.timeZone });
        if (flags.format === 'ndjson') q.delete('encoding');
        if (flags.since !== undefined) q.set('since', String(flags.since));
        if (flags.date !== undefined) q.set('date', flags.date);
        if (flags.cursorName !== undefined) q.set('cursor', flags.cursorName);
        const answer = await client.get(`${orgPath(flags.org, 'exports', flags.kind)}?${q}`);
        const encoding: ExportEncoding =
          flags.format === 'ndjson' ? 'utf-8' : (flags.encoding ?? 'windows-1251');
        await writeFile(flags.out, encodeExport(answer.text, encoding));
        const h = answer.headers;
        const cursor = h['x-export-cursor'] ?? flags.kind;
        console.log(
          `${flags.out}: ${h['x-export-rows']} ${flags.kind} rows from ${h['x-export-items']} inbox items (cursor ${h['x-export-after']} → ${h['x-export-through']}), ${flags.format === 'csv' ? encoding : 'NDJSON'}`,
        );
        const skipped = Number(h['x-export-skipped'] ?? 0);
        if (skipped > 0) {
          const shown = JSON.parse(h['x-export-problems'] ?? '[]') as ExportProblem[];
          console.error(`${skipped} inbox items could not be exported:`);
          for (const p of shown)
            console.error(`  cursor ${p.cursor} (${p.platform} ${p.sourceId}) ${p.field}: ${p.message}`);
          if (shown.length < skipped) console.error(`  … and ${skipped - shown.length} more`);
        }
        if (!flags.ack) {
          console.log(`cursor "${cursor}" not moved; once the file is loaded: the same command with --ack`);
          return;
        }
        const acked = await client.post(orgPath(flags.org, 'exports', flags.kind, 'ack'), {
          through: Number(h['x-export-through']),
          cursor,
        });
        console.log(`cursor "${acked.body.cursor}" moved to ${acked.body.position}`);
      });
    });
}
