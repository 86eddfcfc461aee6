import type { WireAccount } from '../contract/account-import.js';
import type { WireBalance } from '../contract/balance-import.js';
import type { WireCounter } from '../contract/counter-import.js';
import type { DomcontrolImport } from '../contract/domcontrol-paths.js';
import type { WireReading } from '../contract/reading-import.js';
import type { WireService } from '../contract/service-import.js';
import type { WireTransaction } from '../contract/transaction-import.js';

/**
 * What the platform holds, one map per import, keyed the way a re-import finds the same item:
 * services, accounts and counters by id; readings by counter and date; balances by account,
 * service and date; transactions — which have no id — by all their fields, so that a batch posted
 * again (a retry) adds nothing.
 */
export class DomcontrolDirectories {
  readonly services = new Map<string, WireService>();
  readonly accounts = new Map<string, WireAccount>();
  readonly counters = new Map<string, WireCounter>();
  readonly readings = new Map<string, WireReading>();
  readonly balances = new Map<string, WireBalance>();
  readonly transactions = new Map<string, WireTransaction>();

  map(name: DomcontrolImport): Map<string, unknown> {
    return this[name] as Map<string, unknown>;
  }

  counts(): Record<DomcontrolImport, number> {
    return {
      services: this.services.size,
      accounts: this.accounts.size,
      counters: this.counters.size,
      readings: this.readings.size,
      balances: this.balances.size,
      transactions: this.transactions.size,
    };
  }
}

/** The key an item is stored under in its import's map (see DomcontrolDirectories). */
export function storageKey(name: DomcontrolImport, item: Record<string, unknown>): string {
  switch (name) {
    case 'readings':
      return `${item.counter}|${item.date}`;
    case 'balances':
      return `${item.account}|${item.service}|${item.date}`;
    case 'transactions':
      return `${item.account}|${item.service ?? ''}|${item.date}|${item.amount}`;
    default:
      return String(item.id);
  }
}
