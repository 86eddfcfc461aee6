import { formatMoney } from '../../../domain/money.js';

/**
 * The one place where Doma.ai money and signs are converted (seed 000 §"Интеграция через АПИ").
 *
 * Signs: the seed's example has toPay 4225.57 = balance 1113.15 + charge 3112.42, so Doma.ai's
 * `toPayDetails.balance` ("долг/переплата на начало периода") is positive for a debt and negative
 * for a prepayment — the canonical sign. It is sent as is. Payments (`amount`, `implicitFee`) are
 * positive money received.
 */
export const domaMoney = {
  /** Integer kopecks → Doma.ai decimal string ("167.10"), exactly. */
  out(kopecks: number): string {
    return formatMoney(kopecks);
  },
  /** Canonical balance (positive = debt) → Doma.ai balance: the same sign. */
  balanceOut(kopecks: number): string {
    return formatMoney(kopecks);
  },
  /**
   * Doma.ai decimal string (answers carry 8 decimals: "550.00000000") → integer kopecks. Digits
   * beyond the kopeck are rounded half away from zero (the platform keeps kopecks; a fee of a
   * fraction of a kopeck would be a rounding artefact of its own).
   */
  in(value: string): number {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
    if (!m) throw new Error(`"${value}" is not a Doma.ai decimal amount`);
    const frac = m[3] ?? '';
    let kopecks = BigInt(m[2]!) * 100n + BigInt((frac.slice(0, 2) || '0').padEnd(2, '0'));
    if ((frac[2] ?? '0') >= '5') kopecks += 1n;
    if (kopecks > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`"${value}" is too large`);
    return m[1] === '-' ? -Number(kopecks) : Number(kopecks);
  },
};
