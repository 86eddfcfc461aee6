import type { EntityKindName } from '../entity-kinds.js';
import { checkReceiptTotal } from './check-receipt-total.js';
import type { ColumnPlan } from './column-plan.js';
import { deriveRowKeys } from './derive-row-keys.js';
import type { LocatedError, MappedRecord } from './mapped-record.js';
import { type CellError, type CellMemo, type RowValues, readRow } from './read-row.js';

type Obj = Record<string, unknown>;

/** Rows of a flat file that make one record: a receipt and its lines so far. */
interface OpenGroup {
  key: string;
  record: Obj;
  lines: Obj[];
  /** The file line of each element of `lines`. */
  lineRows: number[];
  firstLine: number;
  errors: LocatedError[];
}

/** The fields whose values tell one receipt from another in a flat export. */
const GROUP_KEY: readonly string[] = ['accountNumber', 'period', 'category'];
const DEFAULT_CATEGORY = 'housing';

/**
 * Turns the rows of one CSV file into canonical records by its column plan. A plain row is one
 * record, plus the house and premise an account row describes. In a flat file (one row per
 * receipt line) the consecutive rows of one account × period × category are one receipt: its
 * receipt-level cells must agree from row to row, its lines must add up to its total, and a
 * receipt whose rows are not together is refused (sort the export by лицевой счёт) — holding every
 * receipt open until the end of the file would hold the whole file in memory.
 */
export class RowMapper {
  private open: OpenGroup | undefined;
  private readonly closed = new Set<string>();
  private readonly memo: CellMemo = [];

  constructor(private readonly plan: ColumnPlan) {}

  /** The records a row completes (a flat file's previous receipt, or this row's own records). */
  add(cells: readonly string[], line: number): MappedRecord[] {
    const values = readRow(this.plan, cells, this.memo);
    deriveRowKeys(this.plan, values);
    return this.plan.flatList === undefined ? this.plain(values, line) : this.grouped(values, line);
  }

  /** What is still open at the end of the file. */
  end(): MappedRecord[] {
    const last = this.open;
    this.open = undefined;
    return last ? [this.close(last)] : [];
  }

  private plain(values: RowValues, line: number): MappedRecord[] {
    const out: MappedRecord[] = [];
    for (const [companion, record] of Object.entries(values.companions)) {
      const errors = located(values.errors, line, `${companion}.`);
      out.push(this.mapped(companion as EntityKindName, record, line, errors, `${companion}.`));
    }
    out.push(
      this.mapped(
        this.plan.kind.name as EntityKindName,
        values.record,
        line,
        located(values.errors, line, ''),
        '',
      ),
    );
    return out;
  }

  private grouped(values: RowValues, line: number): MappedRecord[] {
    const out: MappedRecord[] = [];
    const key = this.groupKey(values);
    if (this.open && this.open.key !== key) {
      out.push(this.close(this.open));
      this.open = undefined;
    }
    if (this.open === undefined && key !== undefined && this.closed.has(key)) {
      const group = this.start(values, line, key);
      group.errors.push({
        code: 'receipt_rows_apart',
        path: '',
        line,
        column: undefined,
        message: `this row belongs to receipt ${key}, whose other rows ended earlier in the file: a receipt's rows must be together — sort the export by лицевой счёт`,
      });
      out.push(this.close(group, false));
      return out;
    }
    if (this.open === undefined) {
      this.open = this.start(values, line, key ?? `line ${line}`);
      if (key === undefined) {
        // Without an account and a period the row is a receipt of its own, refused for what it lacks.
        out.push(this.close(this.open, false));
        this.open = undefined;
      }
      return out;
    }
    this.merge(this.open, values, line);
    return out;
  }

  /** The receipt a row belongs to; a key cell that could not be read borrows the open receipt's. */
  private groupKey(values: RowValues): string | undefined {
    const parts: string[] = [];
    for (const field of GROUP_KEY) {
      let value = values.record[field];
      if (value === undefined && values.errors.some((e) => e.target === field))
        value = this.open?.record[field];
      if (value === undefined && field === 'category') value = DEFAULT_CATEGORY;
      if (typeof value !== 'string') return undefined;
      parts.push(value);
    }
    return parts.join('/');
  }

  private start(values: RowValues, line: number, key: string): OpenGroup {
    const group: OpenGroup = {
      key,
      record: values.record,
      lines: [],
      lineRows: [],
      firstLine: line,
      errors: [],
    };
    this.addLine(group, values, line);
    return group;
  }

  private merge(group: OpenGroup, values: RowValues, line: number): void {
    for (const [field, value] of Object.entries(values.record)) {
      const before = group.record[field];
      if (before === undefined) {
        group.record[field] = value;
      } else if (!sameValue(before, value)) {
        group.errors.push({
          code: 'receipt_rows_disagree',
          path: field,
          line,
          column: this.plan.columnOf(field),
          message: `this row says ${show(value)} for the same receipt whose line ${group.firstLine} says ${show(before)}`,
        });
      }
    }
    this.addLine(group, values, line);
  }

  private addLine(group: OpenGroup, values: RowValues, line: number): void {
    const list = this.plan.flatList!;
    const index = group.lines.length;
    for (const e of values.errors) {
      const isLine = e.target.startsWith(`${list}.`);
      const path = isLine ? `${list}.${index}.${e.target.slice(list.length + 1)}` : e.target;
      group.errors.push({ code: e.code, path, message: e.message, column: e.column, line });
    }
    if (values.line && Object.keys(values.line).length > 0) {
      group.lines.push(values.line);
      group.lineRows.push(line);
    }
  }

  private close(group: OpenGroup, remember = true): MappedRecord {
    if (remember) this.closed.add(group.key);
    const list = this.plan.flatList!;
    const record: Obj = { ...group.record, [list]: group.lines };
    // Spelled out so that the receipt's key is whole even in the report of a refused one.
    if (record.category === undefined && typeof record.accountNumber === 'string')
      record.category = DEFAULT_CATEGORY;
    if (group.errors.length === 0 && this.plan.kind.name === 'receipt') {
      const refusal = checkReceiptTotal(record, group.lines, this.plan.columnOf('toPay'));
      if (refusal) group.errors.push({ ...refusal, line: group.firstLine });
    }
    const { lineRows, firstLine } = group;
    return {
      kind: this.plan.kind.name as EntityKindName,
      record,
      line: firstLine,
      errors: group.errors,
      locate: (path) => {
        const m = new RegExp(`^${list}\\.(\\d+)\\.(.+)$`).exec(path);
        if (m)
          return { column: this.plan.columnOf(`${list}.${m[2]}`), line: lineRows[Number(m[1])] ?? firstLine };
        return { column: columnAt(this.plan, path), line: firstLine };
      },
    };
  }

  private mapped(
    kind: EntityKindName,
    record: Obj,
    line: number,
    errors: LocatedError[],
    prefix: string,
  ): MappedRecord {
    return {
      kind,
      record,
      line,
      errors,
      locate: (path) => ({ column: columnAt(this.plan, prefix + path), line }),
    };
  }
}

/** The column of a target, or of the nearest enclosing one (`recipient.account` → a `recipient` JSON column). */
function columnAt(plan: ColumnPlan, target: string): string | undefined {
  for (let t = target; t !== ''; t = t.includes('.') ? t.slice(0, t.lastIndexOf('.')) : '') {
    const column = plan.columnOf(t);
    if (column !== undefined) return column;
  }
  return undefined;
}

/** The row's cell errors that belong to one record (its targets start with `prefix`). */
function located(errors: readonly CellError[], line: number, prefix: string): LocatedError[] {
  const companion = /^(house|premise)\./;
  return errors
    .filter((e) => (prefix === '' ? !companion.test(e.target) : e.target.startsWith(prefix)))
    .map((e) => ({
      code: e.code,
      path: e.target.slice(prefix.length),
      message: e.message,
      column: e.column,
      line,
    }));
}

/** Equal values as cells and constants make them: strings, numbers, booleans, small objects and lists. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Obj)[k], (b as Obj)[k]));
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
