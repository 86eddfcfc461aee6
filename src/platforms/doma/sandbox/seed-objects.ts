import { DomaMeterResource } from '../contract/meter-resources.js';
import { FINISHED_CONTEXT_STATUS } from './context-access.js';
import type { DomaStore } from './doma-store.js';
import { newMeter } from './new-meter.js';
import { STAFF_SENDER } from './staff-sender.js';

/** Ids the seed's curl examples use (seed 000), so each example works against a fresh sandbox. */
export const SeedIds = {
  context: 'edbd5639-6e78-4128-b166-3092aa500d8e',
  organizations: [
    'edbd5639-6e78-4128-b166-3092aa500d8e',
    '73b069e4-d807-4946-8725-88781e5d14ab',
    '9f728332-7918-4cf8-88d2-fa5a615e518d',
  ],
  /** ФИАС of «Маломосковская ул, дом № 14», the house of the seed's receipt example. */
  houseFias: 'ffce9196-46f1-437e-9e1c-7ebc82200a64',
  meter: '55b3b44e-6faa-47a9-bba9-8b467fd3f356',
  /** The organization whose meters the seed's allMeters example lists. */
  meterOrganization: '73b069e4-d807-4946-8725-88781e5d14ab',
} as const;

export const SEED_HOUSE_ADDRESS = 'г Москва, ул Маломосковская, д 14';
const SEED_HOUSE_ALIASES = ['Маломосковская ул, дом № 14'];

/** Puts the seed's organizations, billing context, house and meter into a fresh store. */
export function seedObjects(store: DomaStore): void {
  SeedIds.organizations.forEach((id, i) => {
    const org = store.addOrganization({ id, name: `УК ${i + 1}`, tin: '9717025407' });
    const property = store.addProperty(org, SEED_HOUSE_ADDRESS, SeedIds.houseFias, SEED_HOUSE_ALIASES);
    if (id === SeedIds.context) store.addContext(org, FINISHED_CONTEXT_STATUS, SeedIds.context);
    if (id === SeedIds.meterOrganization) {
      newMeter(store, {
        id: SeedIds.meter,
        organization: org,
        property,
        resourceId: DomaMeterResource.coldWater,
        number: '00112233',
        accountNumber: 'K9910000706',
        unitName: '706',
        unitType: 'flat',
        numberOfTariffs: 1,
        place: 'Кухня',
        sender: STAFF_SENDER,
      });
    }
  });
}
