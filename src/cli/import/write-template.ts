import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { EntityKind, EntityKindName } from '../../domain/entity-kinds.js';
import { COLUMN_NAMES } from '../../domain/import/column-names.js';
import { DERIVATIONS } from '../../domain/import/derivations.js';
import { CliError } from '../cli-error.js';
import { TEMPLATE_ROWS } from './template-rows.js';

/**
 * `import --template <kind> [dir]`: a sample export of the kind as 1С writes one (windows-1251,
 * ";", CRLF, the built-in Russian headers, two rows) and a mapping skeleton beside it that lists
 * each column with the field it fills and every setting with its default. Existing files are never
 * overwritten. Returns the two paths.
 */
export function writeTemplate(kind: EntityKind, dir: string): { csv: string; mapping: string } {
  const sample = TEMPLATE_ROWS[kind.name as EntityKindName];
  if (sample === undefined) {
    throw new CliError(
      `there is no 1С template for ${kind.plural}: ${kind.name === 'receipt_file' ? 'receipt PDFs are uploaded with PUT /v1/orgs/{org}/receipts/{account}/{period}/{category}/pdf' : 'import them as NDJSON'}`,
    );
  }
  const names = COLUMN_NAMES[kind.name as EntityKindName] ?? {};
  const headers = sample.targets.map((t) => names[t]?.[0] ?? t);
  const csv = join(dir, `${kind.plural}.csv`);
  const mapping = join(dir, `${kind.plural}.mapping.yaml`);
  for (const path of [csv, mapping]) {
    if (existsSync(path)) throw new CliError(`${path} exists; remove it or give another directory`);
  }
  mkdirSync(dir, { recursive: true });
  const lines = [headers, ...sample.rows].map((row) => row.map(csvCell).join(';'));
  writeFileSync(csv, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp1251'));
  writeFileSync(mapping, mappingSkeleton(kind, headers, sample.targets));
  return { csv, mapping };
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const q = (s: string) => JSON.stringify(s);

function mappingSkeleton(kind: EntityKind, headers: string[], targets: string[]): string {
  const names = COLUMN_NAMES[kind.name as EntityKindName] ?? {};
  const derived = Object.keys(DERIVATIONS[kind.name as EntityKindName] ?? {});
  const others = Object.keys(names).filter((t) => !targets.includes(t));
  return `# Mapping for ${kind.plural}: zhkh-bridge import --org <org> --mapping ${kind.plural}.mapping.yaml ${kind.plural}.csv
# (JSON works as well.) The columns of the sample are known without a mapping; a mapping is for the
# columns of your export that the built-in names do not know, and for how it writes its values.

# Column header as written in your file → the field it fills. "" ignores the column.
columns:
${headers.map((h, i) => `  ${q(h)}: ${q(targets[i]!)}`).join('\n')}
${others.length ? `# Other fields of ${kind.plural} with built-in names: ${others.map((t) => `${t} («${names[t]![0]}»)`).join(', ')}\n` : ''}${derived.length ? `# Derived when absent (see README, "Import your 1С export"): ${derived.join(', ')}\n` : ''}
# Columns that fill nothing (a remark, a row number).
ignore: []

# A value every record gets where its own column is absent or empty, e.g.
#   category: capital_repair
#   recipient.inn: "7451234567"   (receipts are otherwise paid to the organization's first bank account)
constants: {}

# How dates are written when not DD.MM.YYYY (1С) or YYYY-MM-DD: tokens DD D MM M YYYY.
# dateFormat: DD/MM/YYYY

# "," (1С) or ".": decides whether 1.234 is a thousand or one and a bit.
decimalSeparator: ","

# "negative" when the export writes debt with a minus («долг со знаком минус»): balances, receipt
# debt and transactions are turned around to the hub's sign (positive = the resident owes).
debtSign: positive

# 1С writes local time without a zone: the zone of payment times.
utcOffset: "+03:00"

# Per-kind columns, ignore and constants win over the ones above when one mapping serves a directory.
kinds: {}
`;
}
