import { DomaErrorCode, DomaErrorName } from '../contract/doma-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { compareKeys, matchesWhere, orderKey } from './match-where.js';
import { SandboxError } from './sandbox-error.js';

export interface ListArgs {
  where?: Record<string, unknown> | null;
  /** Keystone's text search: here, any text field of the record containing it, case-insensitively. */
  search?: string | null;
  sortBy?: string[] | null;
  /** Keystone's older single-sort argument (`field_ASC`), applied before `sortBy`. */
  orderBy?: string | null;
  first?: number | null;
  skip?: number | null;
}

/** Keystone's answer to a list asking for more rows than the server allows. */
export function limitsExceeded(): SandboxError {
  return new SandboxError(DomaErrorName.limitsExceeded, 'Your request exceeded server limits', {
    code: DomaErrorCode.badUserInput,
  });
}

/**
 * A list query over records: `where` and `search`, then `orderBy` and `sortBy` (stable: insertion
 * order breaks ties), then `skip` and `first`. `first` over 1000, or no `first` and more than 1000 rows, is refused.
 */
export function listRecords<T extends object>(records: Iterable<T>, args: ListArgs): T[] {
  if (args.first != null && args.first > domaLimits.listFirst) throw limitsExceeded();
  const needle = args.search?.toLowerCase();
  let rows = [...records].filter(
    (r) =>
      matchesWhere(r as Record<string, unknown>, args.where) &&
      (!needle || Object.values(r).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle))),
  );
  const sorts = [...(args.orderBy ? [args.orderBy] : []), ...(args.sortBy ?? [])];
  for (const sort of sorts.reverse()) {
    const [, field = '', dir] = /^(.*)_(ASC|DESC)$/.exec(sort) ?? [];
    const sign = dir === 'DESC' ? -1 : 1;
    // Each row's key is read once (a relation sorts by its id); the sort is stable.
    const keyed = rows.map((row) => {
      const v = (row as Record<string, unknown>)[field];
      return { row, key: orderKey(v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v) };
    });
    keyed.sort((a, b) => sign * compareKeys(a.key, b.key));
    rows = keyed.map((k) => k.row);
  }
  const from = args.skip ?? 0;
  const page = args.first == null ? rows.slice(from) : rows.slice(from, from + args.first);
  if (page.length > domaLimits.listFirst) throw limitsExceeded();
  return page;
}
