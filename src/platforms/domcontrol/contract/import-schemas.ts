import type { z } from 'zod';
import { WireAccount } from './account-import.js';
import { WireBalance } from './balance-import.js';
import { WireCounter } from './counter-import.js';
import type { DomcontrolImport } from './domcontrol-paths.js';
import { WireReading } from './reading-import.js';
import { WireService } from './service-import.js';
import { WireTransaction } from './transaction-import.js';

/** The item schema of each import, by import name. */
export const importItemSchemas: Record<DomcontrolImport, z.ZodType> = {
  services: WireService,
  accounts: WireAccount,
  counters: WireCounter,
  readings: WireReading,
  balances: WireBalance,
  transactions: WireTransaction,
};
