import { z } from 'zod';
import { domaResponse } from './doma-errors.js';
import { DomaUnitType } from './register-meters-readings.js';
import { Sender } from './sender.js';
import { MeterDetails } from './update-meter.js';

/**
 * Creates a meter that has no reading yet (condo's Meter model, the schema's `createMeter`): the
 * seed's readings path (§"Загрузка показаний") creates a meter only with its first reading. The
 * house is a Property of the organization, connected by id.
 */
export const CREATE_METER_DOCUMENT = `mutation createMeter($data: MeterCreateInput) {
  result: createMeter(data: $data) { id number accountNumber unitName unitType archiveDate property { id } }
}`;

const Connect = z.object({ connect: z.object({ id: z.string() }) });

/** The fields we set; the model requires organization, property, resource, number, tariffs, account and unit. */
export const CreateMeterVariables = z.object({
  data: z.object({
    dv: z.literal(1),
    sender: Sender,
    organization: Connect,
    property: Connect,
    resource: Connect,
    number: z.string().min(1),
    accountNumber: z.string().min(1),
    unitName: z.string().min(1),
    unitType: DomaUnitType,
    numberOfTariffs: z.number().int().min(1).max(4),
    ...MeterDetails,
  }),
});
export type CreateMeterVariables = z.infer<typeof CreateMeterVariables>;

export const CreateMeterData = z.object({
  result: z.object({ id: z.string() }).nullable(),
});
export const CreateMeterResponse = domaResponse(CreateMeterData);
