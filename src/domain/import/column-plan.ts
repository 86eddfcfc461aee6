import type { EntityKind, EntityKindName } from '../entity-kinds.js';
import { ValueError } from '../value-error.js';
import { COLUMN_NAMES, IGNORED_COLUMN_NAMES } from './column-names.js';
import { DEBT_SIGNED_FIELDS } from './debt-signed-fields.js';
import { DERIVATIONS } from './derivations.js';
import { listElement, requiredPaths } from './field-type-at.js';
import type { ImportMapping } from './import-mapping.js';
import { normalizeName } from './normalize-name.js';
import { compileDateFormat } from './parse-1c-date.js';
import { parseCell, type ValueSettings } from './parse-cell.js';
import { flatListOf, type ResolvedTarget, resolveTarget } from './resolve-target.js';
import { setPath } from './set-path.js';

export interface PlannedColumn extends ResolvedTarget {
  /** Position in the header row. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** A debt written with a minus (the mapping's debtSign) is turned around. */
  negate: boolean;
}

export interface PlannedConstant extends ResolvedTarget {
  /** The value, already parsed like a cell. */
  value: unknown;
}

export interface ConstantGroup {
  scope: PlannedConstant['scope'];
  field: string;
  /** Shared by every row: never to be changed. */
  value: unknown;
}

/** Something wrong with the header row itself, reported once per file. */
export interface ColumnProblem {
  code: 'column_unknown' | 'column_repeated' | 'column_missing';
  /** The header as written; null when a column is missing. */
  column: string | null;
  /** The target the column was (or would have to be) for; null when unknown. */
  field: string | null;
  message: string;
}

/** How the rows of one CSV file become records: decided once from its header row. */
export interface ColumnPlan {
  kind: EntityKind;
  columns: PlannedColumn[];
  constants: PlannedConstant[];
  /**
   * The constants grouped by the top-level field they fill, where no column fills anything under
   * it: each group's value is built once and set whole on every row that lacks it (a receipt's
   * recipient is one shared object, not seven fields set on every row of a flat export). The
   * other constants are set path by path where their cell is empty.
   */
  constantGroups: ConstantGroup[];
  problems: ColumnProblem[];
  /** A required field nothing fills: every row would be refused, so no row is worth sending. */
  unusable: boolean;
  /** The list a row fills one element of (receipts: `lines`) when the file has such columns. */
  flatList: string | undefined;
  /** Some column is a numbered path (`lines.0.toPay`): rows may leave holes in lists to close. */
  numberedPaths: boolean;
  settings: ValueSettings;
  /** The column(s) a target's value came from, as written — for error messages. */
  columnOf(target: string): string | undefined;
}

export interface PlanOptions {
  mapping: ImportMapping;
  /**
   * Constants used only when no column or constant fills anything under the same first segment:
   * a receipt without any recipient column is paid to the organization's own bank account.
   */
  fallbacks?: Readonly<Record<string, string>> | undefined;
}

/**
 * Plans a CSV file of one kind from its header row: which column fills which field (a mapping's
 * columns, then the built-in names of column-names.ts, then canonical field paths), how values are
 * parsed, which constants apply, and what is wrong with the header — an unknown column, two columns
 * for one field, a required field nothing fills. Throws ValueError only for a mapping that cannot
 * be used (a constant that is not a valid value, a bad dateFormat).
 */
export function planColumns(kind: EntityKind, header: readonly string[], opts: PlanOptions): ColumnPlan {
  const { mapping } = opts;
  const perKind = mapping.kinds[kind.name];
  const settings: ValueSettings = {
    dateFormat: mapping.dateFormat === undefined ? undefined : compileDateFormat(mapping.dateFormat),
    decimalSeparator: mapping.decimalSeparator,
    utcOffset: mapping.utcOffset,
  };
  const debtSigned = new Set(DEBT_SIGNED_FIELDS[kind.name as EntityKindName] ?? []);
  const negates = (t: ResolvedTarget) =>
    mapping.debtSign === 'negative' && t.scope === 'record' && debtSigned.has(t.text);

  const ignored = new Set(
    [...IGNORED_COLUMN_NAMES, ...mapping.ignore, ...(perKind?.ignore ?? [])].map(normalizeName),
  );
  const mapped = new Map<string, string>();
  for (const [h, t] of [...Object.entries(mapping.columns), ...Object.entries(perKind?.columns ?? {})]) {
    mapped.set(normalizeName(h), t);
  }
  const builtIn = namesOf(kind);

  const columns: PlannedColumn[] = [];
  const problems: ColumnProblem[] = [];
  const headerOf = new Map<string, string>();
  header.forEach((raw, index) => {
    const h = raw.trim();
    const n = normalizeName(h);
    if (h === '' || (ignored.has(n) && !mapped.has(n))) return;
    const fromMapping = mapped.get(n);
    if (fromMapping !== undefined && fromMapping.trim() === '') return;
    const target = resolveTarget(kind, fromMapping ?? builtIn.get(n) ?? h);
    if (target === undefined) {
      problems.push(unknownColumn(kind, h, fromMapping));
      return;
    }
    const first = headerOf.get(target.text);
    if (first !== undefined) {
      problems.push({
        code: 'column_repeated',
        column: h,
        field: target.text,
        message: `«${h}» fills ${target.text} like «${first}» before it; only «${first}» is read — ignore one of them in the mapping`,
      });
      return;
    }
    headerOf.set(target.text, h);
    columns.push({ ...target, index, header: h, negate: negates(target) });
  });

  const constants = planConstants(kind, opts, headerOf, settings, negates);
  const flatList = columns.some((c) => c.scope === 'line') ? flatListOf(kind) : undefined;
  const filled = new Set([...headerOf.keys(), ...constants.map((c) => c.text)]);
  for (const field of requiredFields(kind, flatList)) {
    if (covered(kind, field, filled, 0)) continue;
    const names = COLUMN_NAMES[kind.name as EntityKindName]?.[field];
    problems.push({
      code: 'column_missing',
      column: null,
      field,
      message: `no column fills ${field}${names ? ` (e.g. «${names[0]}»)` : ''}; add one, or map a column or a constant to it in the mapping — no row can be imported without it`,
    });
  }

  return {
    kind,
    columns,
    ...groupConstants(constants, [...headerOf.keys()]),
    problems,
    unusable: problems.some((p) => p.code === 'column_missing'),
    flatList,
    numberedPaths: [...columns, ...constants].some((c) => c.path.some((seg) => typeof seg === 'number')),
    settings,
    columnOf: (target) => headerOf.get(target) ?? derivedFrom(kind, target, headerOf),
  };
}

const nameIndexes = new Map<string, Map<string, string>>();

/** Normalised built-in name → target, for one kind. */
function namesOf(kind: EntityKind): Map<string, string> {
  let index = nameIndexes.get(kind.name);
  if (index === undefined) {
    index = new Map();
    for (const [target, names] of Object.entries(COLUMN_NAMES[kind.name as EntityKindName] ?? {})) {
      for (const name of names) index.set(normalizeName(name), target);
    }
    nameIndexes.set(kind.name, index);
  }
  return index;
}

function unknownColumn(kind: EntityKind, header: string, mappedTo: string | undefined): ColumnProblem {
  if (mappedTo !== undefined) {
    return {
      code: 'column_unknown',
      column: header,
      field: mappedTo,
      message: `the mapping sends «${header}» to ${mappedTo}, which a ${kind.name} does not have; its cells are not imported`,
    };
  }
  return {
    code: 'column_unknown',
    column: header,
    field: null,
    message: `no ${kind.name} field is called «${header}»; its cells are not imported — map it to a field or ignore it in a mapping file (import --template ${kind.plural} writes one)`,
  };
}

function planConstants(
  kind: EntityKind,
  { mapping, fallbacks }: PlanOptions,
  headerOf: Map<string, string>,
  settings: ValueSettings,
  negates: (t: ResolvedTarget) => boolean,
): PlannedConstant[] {
  const perKind = mapping.kinds[kind.name];
  const out = new Map<string, PlannedConstant>();
  const add = (text: string, value: string | number | boolean, strict: boolean) => {
    const target = resolveTarget(kind, text);
    if (target === undefined) {
      // A top-level constant is for every kind that has the field; a per-kind one must fit.
      if (strict)
        throw new ValueError('mapping_target', `constant ${text}: a ${kind.name} has no such field`);
      return;
    }
    try {
      out.set(target.text, {
        ...target,
        value: parseCell(String(value).trim(), target.fieldType, settings, negates(target)),
      });
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      throw new ValueError(err.code, `constant ${text}: ${err.message}`);
    }
  };
  for (const [t, v] of Object.entries(mapping.constants)) add(t, v, false);
  for (const [t, v] of Object.entries(perKind?.constants ?? {})) add(t, v, true);
  const taken = (group: string) =>
    [...headerOf.keys(), ...out.keys()].some((t) => t === group || t.startsWith(`${group}.`));
  const groups = new Set(Object.keys(fallbacks ?? {}).map((t) => t.split('.')[0]!));
  for (const group of groups) {
    if (taken(group)) continue;
    for (const [t, v] of Object.entries(fallbacks!)) if (t.split('.')[0] === group) add(t, v, false);
  }
  return [...out.values()];
}

/** Splits the constants into whole-field groups and the ones sharing a field with a column. */
function groupConstants(
  constants: PlannedConstant[],
  columnTargets: string[],
): { constants: PlannedConstant[]; constantGroups: ConstantGroup[] } {
  const perPath: PlannedConstant[] = [];
  const groups = new Map<string, ConstantGroup>();
  for (const c of constants) {
    const head = c.path[0];
    const prefix = c.text.slice(0, c.text.length - c.path.join('.').length);
    const touched = columnTargets.some((t) => t === `${prefix}${head}` || t.startsWith(`${prefix}${head}.`));
    if (c.scope === 'input' || typeof head !== 'string' || touched || c.value === undefined) {
      perPath.push(c);
      continue;
    }
    const id = `${c.scope}:${head}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { scope: c.scope, field: head, value: c.path.length === 1 ? c.value : {} };
      groups.set(id, group);
    }
    if (c.path.length > 1) setPath({ [head]: group.value } as Record<string, unknown>, c.path, c.value);
  }
  return { constants: perPath, constantGroups: [...groups.values()] };
}

function requiredFields(kind: EntityKind, flatList: string | undefined): string[] {
  const own = requiredPaths(kind.schema);
  if (flatList === undefined) return own;
  const element = listElement(kind.schema, flatList);
  return element ? [...own, ...requiredPaths(element).map((p) => `${flatList}.${p}`)] : own;
}

/** Filled by a column or constant, or derivable from filled ones. */
function covered(kind: EntityKind, target: string, filled: Set<string>, depth: number): boolean {
  if (filled.has(target)) return true;
  if (depth > 3) return false;
  const alternatives = DERIVATIONS[kind.name as EntityKindName]?.[target] ?? [];
  return alternatives.some((inputs) => inputs.every((t) => covered(kind, t, filled, depth + 1)));
}

/** For a derived field: the columns of the first alternative the file has, joined with " + ". */
function derivedFrom(kind: EntityKind, target: string, headerOf: Map<string, string>): string | undefined {
  for (const inputs of DERIVATIONS[kind.name as EntityKindName]?.[target] ?? []) {
    const headers = inputs.map((t) => headerOf.get(t));
    if (headers.some((h) => h !== undefined)) return headers.filter((h) => h !== undefined).join(' + ');
  }
  return undefined;
}
