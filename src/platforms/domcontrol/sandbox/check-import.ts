import { type DomcontrolImport, domcontrolImports } from '../contract/domcontrol-paths.js';
import type { ImportFailure } from '../contract/import-failure.js';
import { importItemSchemas } from '../contract/import-schemas.js';
import type { DomcontrolDirectories } from './domcontrol-directories.js';

/** What one import call would store: the checked items, or why the whole call is refused. */
export type ImportCheck =
  | { ok: true; items: Array<Record<string, unknown>> }
  | { ok: false; failure: ImportFailure };

/**
 * Checks a parsed body the way a strict platform does: the array is there, every item has its
 * fields with the right types, and every id it refers to is already imported. The first problem
 * refuses the whole call (nothing of it is stored), naming the item by index and id.
 */
export function checkImport(name: DomcontrolImport, body: unknown, dirs: DomcontrolDirectories): ImportCheck {
  const list = domcontrolImports[name].list;
  const items =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[list] : undefined;
  if (!Array.isArray(items)) {
    return { ok: false, failure: { error: 'bad_request', message: `the body must be {"${list}": [...]}` } };
  }
  const schema = importItemSchemas[name];
  const checked: Array<Record<string, unknown>> = [];
  for (const [index, raw] of items.entries()) {
    const id = itemLabel(name, raw);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || undefined;
      const where = field ? `field "${field}"` : 'the item';
      return fail(index, id, field, 'invalid_field', `${list}[${index}] (${id}): ${where} ${issue.message}`);
    }
    const item = normalize(name, parsed.data as Record<string, unknown>);
    const missing = missingReference(name, item, dirs);
    if (missing) {
      return fail(
        index,
        id,
        missing.field,
        'unknown_reference',
        `${list}[${index}] (${id}): ${missing.what} "${missing.id}" is not imported`,
      );
    }
    checked.push(item);
  }
  return { ok: true, items: checked };
}

function fail(
  index: number,
  id: string,
  field: string | undefined,
  error: string,
  message: string,
): ImportCheck {
  return { ok: false, failure: { error, message, index, id, ...(field ? { field } : {}) } };
}

/** The table's spelling `"email "` is stored as `email`, the example's. */
function normalize(name: DomcontrolImport, item: Record<string, unknown>): Record<string, unknown> {
  if (name !== 'accounts' || !('email ' in item)) return item;
  const { 'email ': spaced, ...rest } = item;
  return { ...rest, email: rest.email ?? spaced };
}

function missingReference(
  name: DomcontrolImport,
  item: Record<string, unknown>,
  dirs: DomcontrolDirectories,
): { field: string; what: string; id: string } | undefined {
  const need: Array<[field: string, what: string, map: Map<string, unknown>]> = [];
  if (name === 'counters' || name === 'balances' || name === 'transactions') {
    need.push(['account', 'account', dirs.accounts]);
    if (item.service !== undefined) need.push(['service', 'service', dirs.services]);
  }
  if (name === 'readings') need.push(['counter', 'counter', dirs.counters]);
  for (const [field, what, map] of need) {
    const id = String(item[field]);
    if (!map.has(id)) return { field, what, id };
  }
  return undefined;
}

/** How a refusal names an item: its id, or the fields that identify an item without one. */
function itemLabel(name: DomcontrolImport, raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '?'));
  if (name === 'readings') return `counter ${text(r.counter)} at ${text(r.date)}`;
  if (name === 'balances') return `account ${text(r.account)}, service ${text(r.service)} at ${text(r.date)}`;
  if (name === 'transactions') return `account ${text(r.account)} at ${text(r.date)}`;
  return text(r.id);
}
