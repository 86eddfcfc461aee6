import type { Meter } from '../../../domain/model/meter.js';
import type { Reading } from '../../../domain/model/reading.js';
import { compact } from './compact.js';
import { domaAddress, domaAddressInfo } from './doma-address.js';
import { domaResourceId } from './doma-resources.js';
import type { DomaSettings } from './doma-settings.js';
import type { Place } from './load-places.js';

type Mapped = { ok: true; reading: Record<string, unknown> } | { ok: false; code: string; message: string };

/**
 * A canonical reading and its meter → one element of `registerMetersReadings.data.readings` (seed
 * 000 §"Загрузка показаний"). Dates are `YYYY-MM-DD`, the one plain form the platform accepts;
 * `addressInfo` carries only the fields we have (a null there crashes the platform's request).
 */
export function readingToDoma(reading: Reading, meter: Meter, place: Place, settings: DomaSettings): Mapped {
  const resourceId = domaResourceId(meter.resource);
  if (!resourceId) {
    return {
      ok: false,
      code: 'resource_unmapped',
      message: `meter ${meter.id}: resource "${meter.resource}" has no Doma.ai id`,
    };
  }
  return {
    ok: true,
    reading: compact({
      address: domaAddress(place),
      addressInfo: domaAddressInfo(place),
      accountNumber: meter.accountNumber,
      meterNumber: meter.number,
      meterResource: { id: resourceId },
      date: reading.date,
      value1: reading.value1,
      value2: reading.value2,
      value3: reading.value3,
      value4: reading.value4,
      meterMeta: compact({
        numberOfTariffs: meter.tariffCount,
        place: meter.place,
        verificationDate: meter.verificationDate,
        nextVerificationDate: meter.nextVerificationDate,
        installationDate: meter.installationDate,
        commissioningDate: meter.commissioningDate,
        sealingDate: meter.sealingDate,
        controlReadingsDate: meter.controlReadingsDate,
      }),
      readingSource: { id: settings.readingSourceId },
    }),
  };
}
