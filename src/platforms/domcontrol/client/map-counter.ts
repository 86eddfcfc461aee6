import type { Meter } from '../../../domain/model/meter.js';
import type { WireCounter } from '../contract/counter-import.js';
import { toOneCDate } from '../contract/one-c-date.js';
import { COUNTER_TYPE } from './counter-type.js';
import { MappingRefusal } from './mapping-refusal.js';

/**
 * seed 002 §3: a canonical meter as an item of `counters[]`, or why it cannot be one: the platform
 * binds every counter to a service. Dates the billing does not have are 1С's empty date; the
 * removal date is the meter's archive date.
 */
export function mapCounter(m: Meter): WireCounter | MappingRefusal {
  if (m.serviceId === undefined) {
    return new MappingRefusal(
      'service_missing',
      `meter ${m.id} names no service; DomControl binds every counter to one`,
    );
  }
  return {
    id: m.id,
    name: m.number,
    type: COUNTER_TYPE[m.resource],
    account: m.accountNumber,
    service: m.serviceId,
    date_installation: toOneCDate(m.installationDate),
    date_removal: toOneCDate(m.archiveDate),
    date_verification: toOneCDate(m.verificationDate),
  };
}
