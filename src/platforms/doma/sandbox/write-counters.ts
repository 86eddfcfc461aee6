/** Rows the sandbox created or changed, by kind: an unchanged re-publish must leave them all alone. */
export interface WriteCounters {
  receipts: number;
  billingAccounts: number;
  billingProperties: number;
  receiptFiles: number;
  meters: number;
  readings: number;
}

export const zeroWriteCounters = (): WriteCounters => ({
  receipts: 0,
  billingAccounts: 0,
  billingProperties: 0,
  receiptFiles: 0,
  meters: 0,
  readings: 0,
});

export const totalWrites = (c: WriteCounters): number => Object.values(c).reduce((a, b) => a + b, 0);
