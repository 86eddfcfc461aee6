import type { z } from 'zod';
import type { ContractState as ContractStateSchema } from '../../../domain/model/contract.js';
import type { ContractOptionType } from '../../../domain/model/contract-option.js';
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

/** An untyped option value (a tariff's): an integer string, else it has no is74 form. */
export function is74OptionValue(value: string): number | undefined {
  return /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * A contract option's value on the wire, an integer (seed 003 §"3."): money is already kopecks, a
 * flag is 1 or 0. Text cannot be written (the contract schema refuses it); an option stored before
 * values were typed is read as an untyped one.
 */
export function is74TypedOptionValue(
  type: ContractOptionType | undefined,
  value: number | boolean | string,
): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return type === undefined || type === 'integer' ? is74OptionValue(value) : undefined;
}

/** `YYYY-MM` → `MM-YY` (seed 003 §"7. Начисления"). */
export function is74Period(period: string): string {
  return `${period.slice(5, 7)}-${period.slice(2, 4)}`;
}
