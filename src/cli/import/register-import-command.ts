import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEPENDENCY_ORDER } from '../../domain/entity-kinds.js';
import { CliError } from '../cli-error.js';
import { withStoreOptions } from '../store-options.js';
import { withStore } from '../with-store.js';
import { directSink } from './direct-sink.js';
import { type ImportFormat, importFormats } from './format-from-file-name.js';
import { formatRejections } from './format-rejections.js';
import { formatSummaryTable } from './format-summary-table.js';
import { httpSink } from './http-sink.js';
import { DEFAULT_BATCH, type ImportOptions, type ImportResult, importPaths } from './import-files.js';
import { parseKindOption } from './parse-kind-option.js';
import { readMappingFile } from './read-mapping-file.js';
import type { EncodingOption } from './read-records.js';
import { writeTemplate } from './write-template.js';

interface ImportFlags {
  org?: string;
  mapping?: string;
  template?: string;
  dryRun?: boolean;
  kind?: string;
  format?: ImportFormat;
  encoding: EncodingOption;
  delimiter?: string;
  batch: number;
  report?: string;
  url?: string;
  token?: string;
  dataDir?: string;
  databaseUrl?: string;
}

// Paragraphs on one line each: commander wraps them to the terminal's width.
const DESCRIPTION = [
  'Load records into one organization from NDJSON, JSON or CSV files — typically exports of a 1С billing.',
  `Each file holds one kind of record (${DEPENDENCY_ORDER.join(', ')}). The kind is the first word of the file name, singular or plural, after an optional number: accounts.ndjson, account.json, receipts-2024-01.csv, 01_meters.jsonl — or give --kind. A directory imports every .ndjson, .jsonl, .json, .csv and .txt file in it, in that dependency order.`,
  'The format comes from the extension: .ndjson/.jsonl hold one record a line, .json an array of records (or one record), .csv/.txt a table. The encoding (UTF-8 or windows-1251) and the CSV delimiter (; , or tab) are detected unless given.',
  'A CSV header may use the names 1С writes («Лицевой счет», «Л/с», «ФИО», «Адрес», «Кв.», «Услуга», «Начислено», «К оплате», «Итого к оплате», «Долг», «Период», «Дата», «Номер ПУ», «Показание»…; case and spaces do not matter) or the canonical field paths (recipient.inn, lines.0.serviceId; numbered segments make lists). Cells may be written as 1С writes them: dates 30.11.2026 or 30.11.2026 0:00:00 (01.01.0001 = none), periods 11.2026 or «ноябрь 2026», amounts "1 234,56", да/нет, Russian enum names («Квартира», «ХВС»), lists a|b; an empty cell means "not given".',
  'Flat exports: an accounts file with «Адрес» and «Кв.» also makes the houses and premises (keys derived from the address and flat, the same on every import); a receipts file with one row per service line makes one receipt per account × period × category, refused when its lines do not add up to «Итого к оплате». --mapping (YAML or JSON) maps the columns the built-in names do not know and says how values are written (dateFormat, decimalSeparator, debtSign, utcOffset, constants); --template <kind> writes a sample export and a mapping skeleton to start from.',
  'Good records land even when others in the same file are bad, and records that did not change are not written again, so re-running an import is safe; --dry-run reports what an import would do and writes nothing. Every rejected record (and every problem with a file header) is written to a report, one JSON line each: {"file", "line", "index", "kind", "key", "errors": [{"code", "path", "column", "message"}]} — path is the field, column the header as written.',
  'Without --url the data directory (or DATABASE_URL) is opened directly. While `serve` runs it holds the data directory: import through its API instead, with --url and --token.',
].join('\n\n');

const EXAMPLES = `
Examples:
  # NDJSON export; the kind (accounts) comes from the file name
  $ zhkh-bridge import accounts.ndjson --org uk-one

  # a 1С CSV in windows-1251 with ';' (both are detected; given explicitly here)
  $ zhkh-bridge import receipts-2024-01.csv --org uk-one --encoding cp1251 --delimiter ';'
      header: accountNumber;period;toPay;recipient.inn;recipient.bik;recipient.account;lines.0.serviceId;lines.0.name;lines.0.toPay
      row:    100;2024-01;167,10;9717025407;044525593;40702810701100008293;2553698;Отопление;167,10

  # 1С exports as they are: Russian headers, flat accounts and receipts; first without writing
  $ zhkh-bridge import ./1c-export/ --org uk-one --dry-run
  $ zhkh-bridge import ./1c-export/ --org uk-one

  # an export with columns of its own: start from a template and its mapping skeleton
  $ zhkh-bridge import --template receipts ./templates/
  $ zhkh-bridge import receipts.csv --org uk-one --mapping ./templates/receipts.mapping.yaml

  # a directory of exports, loaded houses → premises → accounts → … → contracts
  $ zhkh-bridge import ./export-2024-01/ --org uk-one --report ./export-2024-01.rejected.ndjson

  # while \`zhkh-bridge serve\` is running: go through its API (keep the token out of the history)
  $ export ZHKH_URL=http://127.0.0.1:8080 ZHKH_TOKEN=<token for uk-one>
  $ zhkh-bridge import accounts.ndjson --org uk-one

Exit codes:
  0  every record was created, updated or unchanged
  2  the import finished but some records (or file headers) were rejected; see the report (default <first input>.errors.ndjson)
  1  nothing or only part was imported: unknown kind or organization, unreadable file, unusable mapping, refused request
`;

/** `zhkh-bridge import <paths...>`: files and directories of records into the store or a running hub. */
export function registerImportCommand(program: Command): void {
  withStoreOptions(program.command('import'))
    .summary('load records from NDJSON, JSON or CSV files (1С exports) into an organization')
    .description(DESCRIPTION)
    .argument('[paths...]', 'files and/or directories to import (with --template: the directory to write to)')
    .option('--org <id>', 'organization the records belong to (it must exist)')
    .option(
      '--mapping <file>',
      'JSON or YAML: columns the built-in names do not know, constants, dateFormat, decimalSeparator, debtSign, utcOffset',
    )
    .option('--dry-run', 'read, map and validate everything and report what would happen; write nothing')
    .option(
      '--template <kind>',
      'write a sample 1С export of this kind (windows-1251, ";", Russian headers) and a mapping skeleton, then exit',
    )
    .option(
      '--kind <kind>',
      'kind of every file (account or accounts, …) instead of taking it from file names',
    )
    .addOption(
      new Option('--format <format>', 'read every file as this format, whatever its extension').choices(
        importFormats,
      ),
    )
    .addOption(
      new Option('--encoding <encoding>', 'text encoding: auto (UTF-8, else windows-1251), utf8 or cp1251')
        .default('auto')
        .argParser(parseEncoding),
    )
    .option('--delimiter <char>', "CSV delimiter: ';' ',' or '\\t' (detected from the header otherwise)")
    .addOption(
      new Option('--batch <n>', 'records per transaction or request')
        .default(DEFAULT_BATCH)
        .argParser(parseBatch),
    )
    .option('--report <file>', 'where to write rejected records (default: <first input>.errors.ndjson)')
    .addOption(
      new Option(
        '--url <hubUrl>',
        'import through a running hub at this URL instead of the data directory',
      ).env('ZHKH_URL'),
    )
    .addOption(
      new Option('--token <token>', 'bearer token for --url (prefer the environment variable)').env(
        'ZHKH_TOKEN',
      ),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], flags: ImportFlags, command: Command) => {
      if (flags.template !== undefined) {
        const written = writeTemplate(parseKindOption(flags.template), paths[0] ?? '.');
        process.stdout.write(`wrote ${written.csv}\nwrote ${written.mapping}\n`);
        return;
      }
      if (flags.org === undefined) {
        command.error("error: required option '--org <id>' not specified", {
          code: 'commander.missingMandatoryOptionValue',
        });
      }
      if (paths.length === 0) throw new CliError('nothing to import: name at least one file or directory');
      const org = flags.org as string;
      const mapping = flags.mapping === undefined ? undefined : readMappingFile(flags.mapping);
      const dryRun = flags.dryRun === true;
      // An explicit store flag beats a hub URL inherited from the environment; both given explicitly
      // is a contradiction worth pointing out rather than guessing.
      const storeFlag = flags.dataDir !== undefined || flags.databaseUrl !== undefined;
      const urlSource = command.getOptionValueSource('url');
      if (flags.url !== undefined && storeFlag && urlSource === 'cli') {
        throw new CliError(
          'give either --url (through a running hub) or --data-dir/--database-url, not both',
        );
      }
      const viaHub = flags.url !== undefined && !storeFlag;
      const common: Omit<ImportOptions, 'sink'> = {
        kind: flags.kind,
        format: flags.format,
        encoding: flags.encoding,
        delimiter: flags.delimiter,
        batchSize: flags.batch,
        reportPath: flags.report,
        mapping,
      };
      let result: ImportResult;
      if (viaHub) {
        if (!flags.token)
          throw new CliError(
            '--url needs --token (or ZHKH_TOKEN): a token for the organization or an admin token',
          );
        result = await importPaths(paths, {
          ...common,
          sink: httpSink({ url: flags.url!, token: flags.token, org, dryRun }),
        });
      } else {
        result = await withStore({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl }, ({ store }) =>
          importPaths(paths, { ...common, sink: directSink(store, org, { dryRun }) }),
        );
      }
      process.stdout.write(`${formatSummaryTable(result)}\n`);
      if (dryRun)
        process.stdout.write('dry run: nothing was written; the counts are what an import would do\n');
      if (result.reportPath !== undefined) {
        process.stderr.write(formatRejections(result));
        const header = result.reported - result.total.rejected;
        const parts = [`${result.total.rejected} of ${result.total.records} records were rejected`];
        if (header > 0) parts.push(`${header} file header${header === 1 ? ' has' : 's have'} a problem`);
        throw new CliError(`${parts.join('; ')}; each is listed in ${result.reportPath}`, 2);
      }
    });
}

function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number, e.g. 5000');
  return n;
}

/** Accepts the spellings people use for the two encodings 1С writes. */
function parseEncoding(value: string): EncodingOption {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return 'auto';
  if (v === 'utf8' || v === 'utf-8') return 'utf8';
  if (['cp1251', 'windows-1251', 'win1251', '1251'].includes(v)) return 'cp1251';
  throw new InvalidArgumentError('auto, utf8 or cp1251');
}
