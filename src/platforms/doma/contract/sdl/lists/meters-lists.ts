import { list } from '../list-model.js';

/**
 * Meters, their readings, resources and reading sources. Fields as the platform's schema publishes
 * them (`reference/doma/condo-schema.graphql`), in our notation (list-model.ts).
 */
export const meterLists = [
  list(
    'Meter',
    `organization:>Organization numberOfTariffs:int installationDate:ord commissioningDate:ord
     verificationDate:ord nextVerificationDate:ord controlReadingsDate:ord sealingDate:ord
     archiveDate:ord isAutomatic:bool resource:>MeterResource b2bApp:>B2BApp property:>Property
     number:text accountNumber:text unitName:text unitType:enum place:text meta:json b2cApp:>B2CApp
     @tracked`,
  ),
  list('MeterResource', `name:text measure:text @tracked`),
  list(
    'MeterReading',
    `date:ord meter:>Meter value1:ord value2:ord value3:ord value4:ord client:>User contact:>Contact
     clientName:text clientEmail:text clientPhone:text source:>MeterReadingSource billingStatus:enum
     billingStatusText:text accountNumber:text organization:>Organization @tracked`,
  ),
  list('MeterReadingSource', `type:enum name:text @tracked`),
];
