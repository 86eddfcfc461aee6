import type { EntityKindName } from '../entity-kinds.js';

/**
 * Which fields a flat export may leave out because they are derived from other columns (see
 * derived-keys.ts for how): field → alternatives, each the targets it needs together. Read when a
 * file is planned (a required field with neither a column nor a derivation is a missing column)
 * and when an error on a derived field is reported (it names the columns the value came from).
 * deriveRowKeys does the deriving.
 */
export const DERIVATIONS: Readonly<
  Partial<Record<EntityKindName, Readonly<Record<string, readonly (readonly string[])[]>>>>
> = {
  house: { id: [['address']] },
  premise: {
    id: [['houseId', 'number'], ['house.address']],
    houseId: [['house.address']],
    number: [['house.address']],
  },
  account: {
    premiseId: [['house.address', 'premise.number'], ['house.address'], ['house.id', 'premise.number']],
  },
  service: { id: [['name']] },
  tariff: { id: [['name']], serviceId: [['@serviceName']] },
  receipt: {
    toPay: [['lines.toPay'], ['lines.charge']],
    'lines.serviceId': [['lines.name']],
    'lines.toPay': [['lines.charge']],
  },
  meter: { id: [['accountNumber', 'number']], serviceId: [['@serviceName']] },
  reading: { meterId: [['@accountNumber', '@meterNumber']] },
  balance: { serviceId: [['@serviceName']] },
  transaction: { serviceId: [['@serviceName']] },
  contract: { id: [['number']] },
};
