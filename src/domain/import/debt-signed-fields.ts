import type { EntityKindName } from '../entity-kinds.js';

/**
 * The fields that carry the canonical debt sign (positive = the resident owes): the ones a
 * mapping's `debtSign: negative` turns around. A receipt's lines and totals are charges, not debt,
 * and stay as written.
 */
export const DEBT_SIGNED_FIELDS: Readonly<Partial<Record<EntityKindName, readonly string[]>>> = {
  receipt: ['balance'],
  balance: ['amount'],
  transaction: ['amount'],
};
