import type { Account } from '../model/account.js';
import type { House } from '../model/house.js';
import type { Meter } from '../model/meter.js';
import type { Organization } from '../model/organization.js';
import type { Premise } from '../model/premise.js';
import type { Reading } from '../model/reading.js';
import type { Receipt } from '../model/receipt.js';

/** The canonical records one ЕПД is made of; all but the receipt and the organisation may be missing. */
export interface EpdSources {
  receipt: Receipt;
  organization: Pick<Organization, 'name' | 'inn' | 'bankAccounts' | 'phone' | 'email'>;
  account?: Account | undefined;
  premise?: Premise | undefined;
  house?: House | undefined;
  /** The account's meters. */
  meters: readonly Meter[];
  /** Readings of those meters (any order, any dates: the builder picks). */
  readings: readonly Reading[];
}
