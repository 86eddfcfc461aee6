import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { Sender } from './sender.js';

/**
 * Changes a meter (seed 000 §"Изменение ИПУ": "вы можете указать тут любые поля"): its dates,
 * tariffs, place, and the archive date (taking it out of service). A future archiveDate is silently
 * ignored and `null` does not un-archive (NOTES.md): send only past or present dates.
 */
export const UPDATE_METER_DOCUMENT = `mutation updateMeter($id: ID!, $data: MeterUpdateInput) {
  result: updateMeter(id: $id, data: $data) { id archiveDate updatedAt }
}`;

const OptDate = z.string().optional();

/** The meter's own data we keep in step: place and the six dates (date-times, UTC). */
export const MeterDetails = {
  place: z.string().optional(),
  installationDate: OptDate,
  commissioningDate: OptDate,
  verificationDate: OptDate,
  nextVerificationDate: OptDate,
  sealingDate: OptDate,
  controlReadingsDate: OptDate,
};

export const UpdateMeterVariables = z.object({
  id: z.string(),
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    archiveDate: OptDate,
    numberOfTariffs: z.number().int().min(1).max(4).optional(),
    ...MeterDetails,
  }),
});
export type UpdateMeterVariables = z.infer<typeof UpdateMeterVariables>;

export const UpdateMeterData = z.object({
  result: z.object({ id: z.string(), archiveDate: z.string().nullable(), updatedAt: z.string() }).nullable(),
});
export const UpdateMeterResponse = domaResponse(UpdateMeterData);
export type UpdateMeterResponse = z.infer<typeof UpdateMeterResponse>;
