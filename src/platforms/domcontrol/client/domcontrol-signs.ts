/**
 * The one place that decides the sign of money on DomControl's wire.
 *
 * Canonical: a balance is positive when the resident owes (debt); a transaction is positive when
 * the debt grows (a charge) and negative when it falls (a payment).
 *
 * `account` (default): "money on the account", as seed 002 reads — §5's balance of -20394.86 is a
 * debt and §6's -2600 on the 1st of the month is a charge. Both amounts are negated.
 * `debt`: the canonical sign as is, for an installation that reads the other way.
 */
export const DOMCONTROL_SIGNS = ['account', 'debt'] as const;
export type DomcontrolSigns = (typeof DOMCONTROL_SIGNS)[number];

/** A canonical balance or transaction amount (kopecks) as the wire's amount (kopecks). */
export function wireKopecks(canonicalKopecks: number, signs: DomcontrolSigns): number {
  if (canonicalKopecks === 0) return 0; // never a negative zero
  return signs === 'account' ? -canonicalKopecks : canonicalKopecks;
}
