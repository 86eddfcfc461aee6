import type { HouseBatch } from './house-batch.js';
import type { RandomSource } from './random-source.js';

/**
 * An is74 (Интерсвязь) contract for about 30% of accounts: домофон or the «Космос» package, maybe
 * video and «Снежный». Accounts seven or more months in debt are suspended, with the suspension flag
 * among the contract's options.
 */
export function addIs74Contract(
  rng: RandomSource,
  accountNumber: string,
  flatNumber: number,
  debtMonths: number,
  out: HouseBatch,
): void {
  if (rng.chance(0.3)) {
    const bigDebtor = debtMonths >= 7;
    const state = bigDebtor
      ? 'suspended'
      : rng.weighted(['active', 'new', 'terminated'] as const, [92, 5, 3]);
    const options: { category: string; name: string; hidden: boolean; value: string }[] = [
      { category: 'Домофон', name: 'Номер квартиры', hidden: false, value: String(flatNumber) },
    ];
    if (rng.chance(0.15))
      options.push({ category: 'Скидка', name: 'Скидка пенсионерам', hidden: false, value: '-1000' });
    if (bigDebtor) {
      options.push({
        category: 'Settings',
        name: 'services_suspended_pending_payment',
        hidden: false,
        value: '1',
      });
    }
    const tariffIds = [rng.chance(0.8) ? 'is74-domofon' : 'is74-kosmos'];
    if (rng.chance(0.4) && tariffIds[0] !== 'is74-kosmos') tariffIds.push('is74-video');
    if (rng.chance(0.1)) tariffIds.push('is74-snezhny');
    out.contracts.push({
      kind: 'contract',
      record: {
        id: `c-${accountNumber}`,
        accountNumber,
        number: `${accountNumber}-1`,
        state,
        options,
        tariffIds,
      },
    });
  }
}
