import { Kind, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { domaLimits } from '../contract/doma-limits.js';

/** Rows a list costs a point for; a list of the default 100 rows costs 1 + 2. */
const ROWS_PER_POINT = 50;
const DEFAULT_FIRST = 100;

/**
 * Complexity of an operation (our model of the platform's, NOTES.md): each root mutation field costs
 * 5 whatever its size; each root query field 1, plus 1 per 50 rows of its `first` (100 when absent).
 */
export function operationCost(op: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let cost = 0;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    if (op.operation === 'mutation') {
      cost += domaLimits.mutationCost;
      continue;
    }
    const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
    const first = firstArg ? valueFromASTUntyped(firstArg.value, variables) : undefined;
    const rows = typeof first === 'number' ? first : DEFAULT_FIRST;
    cost += 1 + Math.ceil(Math.max(0, rows) / ROWS_PER_POINT);
  }
  return cost;
}
