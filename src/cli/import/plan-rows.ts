import type { EntityKind } from '../../domain/entity-kinds.js';
import { type ColumnPlan, type PlanOptions, planColumns } from '../../domain/import/column-plan.js';
import { RowMapper } from '../../domain/import/row-mapper.js';
import { ValueError } from '../../domain/value-error.js';
import { CliError } from '../cli-error.js';
import type { RowReader } from './read-csv-records.js';
import type { ReadItem } from './read-item.js';

/**
 * The RowReader of an import of a known kind: plans the columns from the header (told to `onPlan`,
 * which reports the header's problems) and maps every row through the plan. A file whose header
 * leaves a required field unfilled yields nothing: every row would be refused for the same reason.
 */
export function planRows(
  path: string,
  kind: EntityKind,
  opts: PlanOptions,
  onPlan: ((plan: ColumnPlan) => void) | undefined,
): RowReader {
  return (header) => {
    let plan: ColumnPlan;
    try {
      plan = planColumns(kind, header, opts);
    } catch (err) {
      if (err instanceof ValueError)
        throw new CliError(`${path}: the mapping cannot be used: ${err.message}`);
      throw err;
    }
    onPlan?.(plan);
    if (plan.unusable) return { row: () => [], end: () => [] };
    const mapper = new RowMapper(plan);
    const items = (mapped: ReturnType<RowMapper['end']>, bytesRead: number): ReadItem[] =>
      mapped.map((m) => ({ record: m.record, line: m.line, bytesRead, mapped: m }));
    return {
      row: (cells, line, bytesRead) => items(mapper.add(cells, line), bytesRead),
      end: (bytesRead) => items(mapper.end(), bytesRead),
    };
  };
}
