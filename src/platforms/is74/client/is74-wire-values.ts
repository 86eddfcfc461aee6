import type { z } from 'zod';
import type { ContractState as ContractStateSchema } from '../../../domain/model/contract.js';
import type { Is74State } from '../contract/contract-response.js';

type ContractState = z.output<typeof ContractStateSchema>;

/**
 * The is74 sign and codes, in one place. is74 shows the money available to the user (seed 004
 * §"Порог блокировки": services are blocked when the balance falls below a threshold such as -100),
 * so its `balance` is the negated canonical debt (canonical: positive = the resident owes).
 */
export function is74Balance(canonicalDebt: number): number {
  return canonicalDebt === 0 ? 0 : -canonicalDebt;
}

/** seed 003 §"Справочник статусов договора". */
const STATE_CODES: Record<ContractState, Is74State> = { new: 1, active: 2, suspended: 3, terminated: 4 };

export function is74State(state: ContractState): Is74State {
  return STATE_CODES[state];
}

/** Option values are integers on the wire (kopecks or flags); a value that is not one is left out. */
export function is74OptionValue(value: string): number | undefined {
  return /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** `YYYY-MM` → `MM-YY` (seed 003 §"7. Начисления"). */
export function is74Period(period: string): string {
  return `${period.slice(5, 7)}-${period.slice(2, 4)}`;
}
