import { z } from 'zod';
import { ContractOption } from './contract-option.js';
import { field } from './field.js';

/** is74 contract states (seed 004): новый, подключено, приостановление, расторжение. */
export const ContractState = z.enum(['new', 'active', 'suspended', 'terminated']);

/**
 * A contract as is74 presents a лицевой счёт: state, typed options (including the Settings flag that
 * forces blocking) and the tariffs attached. Its balance comes from the account's balances.
 */
export const Contract = z.strictObject({
  id: field.key,
  accountNumber: field.accountNumber,
  number: field.text(100),
  state: ContractState.default('active'),
  options: z.array(ContractOption).max(200).default([]),
  tariffIds: z.array(field.key).max(100).default([]),
});
export type Contract = z.output<typeof Contract>;
