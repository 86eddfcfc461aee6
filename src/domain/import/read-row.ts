import { ValueError } from '../value-error.js';
import type { ColumnPlan } from './column-plan.js';
import { parseCell } from './parse-cell.js';
import type { CompanionKind, ResolvedTarget } from './resolve-target.js';
import { compactArrays, getPath, setPath } from './set-path.js';

/** A cell that could not be read as what its field needs. */
export interface CellError {
  /** The target, in column-names notation (`lines.toPay`, `house.address`). */
  target: string;
  /** The header as written. */
  column: string;
  code: string;
  message: string;
}

/** What one row says, sorted by where it goes; keys are not derived yet (deriveRowKeys). */
export interface RowValues {
  record: Record<string, unknown>;
  /** The element of the flat list this row fills (a receipt line), when the file is flat. */
  line: Record<string, unknown> | undefined;
  companions: Partial<Record<CompanionKind, Record<string, unknown>>>;
  inputs: Record<string, string>;
  errors: CellError[];
}

/**
 * Each column's last cell text and the value it parsed to, when that value is a plain one (a string,
 * number or boolean: nothing a later row could change). A flat export repeats its receipt-level
 * cells (account, period, debt, total) on every line of a receipt; they are parsed once per receipt.
 */
export type CellMemo = Array<{ text: string; value: unknown } | undefined>;

/**
 * Reads one CSV row by its plan: each non-empty cell parsed as its field's type (an empty cell is
 * absent), then the constants wherever no cell gave a value. A cell that cannot be parsed is left
 * out and becomes a CellError naming its column. With a memo (one per file), a cell equal to the
 * same column's previous one takes the value it parsed to.
 */
export function readRow(plan: ColumnPlan, cells: readonly string[], memo?: CellMemo): RowValues {
  const values: RowValues = {
    record: {},
    line: plan.flatList === undefined ? undefined : {},
    companions: {},
    inputs: {},
    errors: [],
  };
  const columns = plan.columns;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]!;
    const text = cells[column.index]?.trim();
    if (text === undefined || text === '') continue;
    const last = memo?.[c];
    if (last !== undefined && last.text === text) {
      if (last.value !== undefined) put(values, column, last.value);
      continue;
    }
    let value: unknown;
    try {
      value = parseCell(text, column.fieldType, plan.settings, column.negate);
      if (memo && (value === undefined || typeof value !== 'object')) memo[c] = { text, value };
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      values.errors.push({
        target: column.text,
        column: column.header,
        code: err.code,
        message: err.message,
      });
      continue;
    }
    if (value !== undefined) put(values, column, value);
  }
  for (const group of plan.constantGroups) {
    const target = scopeOf(values, group);
    if (target[group.field] === undefined) target[group.field] = group.value;
  }
  for (const constant of plan.constants) {
    if (constant.value !== undefined && getPath(scopeOf(values, constant), constant.path) === undefined) {
      put(values, constant, constant.value);
    }
  }
  if (plan.numberedPaths) compactArrays(values.record);
  return values;
}

function put(values: RowValues, target: ResolvedTarget, value: unknown): void {
  if (target.scope === 'input') values.inputs[target.path[0] as string] = value as string;
  else setPath(scopeOf(values, target), target.path, value);
}

function scopeOf(values: RowValues, target: Pick<ResolvedTarget, 'scope'>): Record<string, unknown> {
  switch (target.scope) {
    case 'record':
      return values.record;
    case 'line':
      values.line ??= {};
      return values.line;
    case 'input':
      return values.inputs;
    default:
      values.companions[target.scope] ??= {};
      return values.companions[target.scope]!;
  }
}
