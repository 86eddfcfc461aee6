import type { EntityKindName } from '../entity-kinds.js';
import { formatMoney, parseMoney } from '../money.js';
import { ValueError } from '../value-error.js';
import type { ColumnPlan } from './column-plan.js';
import { houseKey, meterKey, nameKey, premiseKey } from './derived-keys.js';
import type { RowValues } from './read-row.js';
import { splitFlatFromAddress } from './split-flat-from-address.js';

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * Fills what a flat row leaves to be derived (derivations.ts lists it, derived-keys.ts says how):
 * keys from addresses, flats, names and meter numbers, the house and premise an account row
 * describes, a receipt line's service and amount to pay. A given value is never replaced.
 */
export function deriveRowKeys(plan: ColumnPlan, v: RowValues): void {
  const r = v.record;
  switch (plan.kind.name as EntityKindName) {
    case 'house':
      if (r.id === undefined && text(r.address)) r.id = houseKey(r.address as string);
      break;
    case 'premise':
      housePremise(plan, v, r, undefined);
      break;
    case 'account': {
      v.companions.premise ??= {};
      const premise = v.companions.premise;
      housePremise(plan, v, premise, text(r.premiseId));
      r.premiseId ??= premise.id;
      // The premise is only made when the row says what it is (a flat in a house).
      if (premise.id === undefined || premise.houseId === undefined || premise.number === undefined) {
        delete v.companions.premise;
      }
      break;
    }
    case 'service':
      if (r.id === undefined && text(r.name)) r.id = nameKey(r.name as string);
      break;
    case 'tariff':
      if (r.id === undefined && text(r.name)) r.id = nameKey(r.name as string);
      serviceFromName(v);
      break;
    case 'meter':
      if (r.id === undefined && text(r.accountNumber) && text(r.number)) {
        r.id = meterKey(r.accountNumber as string, r.number as string);
      }
      serviceFromName(v);
      break;
    case 'reading':
      if (r.meterId === undefined && text(v.inputs.accountNumber) && text(v.inputs.meterNumber)) {
        r.meterId = meterKey(v.inputs.accountNumber!, v.inputs.meterNumber!);
      }
      break;
    case 'balance':
    case 'transaction':
      serviceFromName(v);
      break;
    case 'contract':
      if (r.id === undefined && text(r.number)) r.id = r.number;
      break;
    case 'receipt':
      if (v.line) receiptLine(v.line);
      break;
  }
}

/**
 * The house a row's address names and the premise its flat names — the premise record itself in a
 * premises file, the companion of an account row in an accounts file. The flat may be the
 * address's last part («…, кв. 12») when no flat column has it. A house is made only from an
 * address; its key is «Код дома» when given.
 */
function housePremise(
  plan: ColumnPlan,
  v: RowValues,
  premise: Obj,
  givenPremiseId: string | undefined,
): void {
  const house = v.companions.house;
  const address = text(house?.address);
  if (house === undefined || address === undefined) {
    delete v.companions.house;
  } else {
    if (premise.number === undefined) {
      const split = splitFlatFromAddress(address);
      if (split) {
        house.address = split.houseAddress;
        premise.number = split.number;
      }
    }
    house.id ??= premise.houseId ?? houseKey(house.address as string);
    premise.houseId ??= house.id;
  }
  if (premise.id !== undefined) return;
  if (givenPremiseId !== undefined) premise.id = givenPremiseId;
  else if (text(premise.houseId) && text(premise.number)) {
    premise.id = premiseKey(premise.houseId as string, premise.number as string);
  } else if (address !== undefined) {
    v.errors.push({
      target: plan.kind.name === 'account' ? 'premiseId' : 'id',
      column: plan.columnOf('house.address') ?? '',
      code: 'premise_number_missing',
      message: `"${address}" names no flat (кв., пом.) and no flat column has one, so the premise is unknown`,
    });
  }
}

function serviceFromName(v: RowValues): void {
  if (v.record.serviceId === undefined && text(v.inputs.serviceName)) {
    v.record.serviceId = nameKey(v.inputs.serviceName!);
  }
}

/** A line without a service code is known by its name; without «К оплате» it pays what it charges. */
function receiptLine(line: Obj): void {
  if (line.serviceId === undefined && text(line.name)) line.serviceId = nameKey(line.name as string);
  if (line.toPay === undefined && line.charge !== undefined) {
    try {
      const k = (f: string) => (line[f] === undefined ? 0 : parseMoney(line[f] as string));
      line.toPay = formatMoney(k('charge') - k('privilege') + k('recalculation'));
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      // Amounts that cannot be read were reported as cell errors already.
    }
  }
}
