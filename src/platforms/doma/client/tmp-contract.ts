// TEMPORARY until the contract lands (doma branch).
export const LOGIN =
  'mutation signin($identity: String, $secret: String) { auth: authenticateUserWithPassword(email: $identity, password: $secret) { token } }';
export const REGISTER_BILLING_RECEIPTS =
  'mutation registerBillingReceipts($data: RegisterBillingReceiptsInput!) { result: registerBillingReceipts(data: $data) { id } }';
export const RECEIPTS_PER_CALL = 1000;
export function variablesSize(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v)) * 2;
}
export const CREATE_BILLING_RECEIPT_FILE =
  'mutation create($data: BillingReceiptFileCreateInput!) { obj: createBillingReceiptFile(data: $data) { id } }';
export const REGISTER_BILLING_RECEIPT_FILE =
  'mutation registerBillingReceiptFile($data: RegisterBillingReceiptFileInput!) { result: registerBillingReceiptFile(data: $data) { id status } }';
export const VARIABLES_LIMIT = 512 * 1024;
export const READINGS_PER_CALL = 500;
export const REGISTER_METERS_READINGS =
  'mutation registerMetersReadings($data: RegisterMetersReadingsInput!) { result: registerMetersReadings(data: $data) { id meter { id } } }';
export const ALL_METERS =
  'query allMeters($where: MeterWhereInput, $first: Int, $skip: Int, $sortBy: [SortMetersBy!]) { objs: allMeters(where: $where, first: $first, skip: $skip, sortBy: $sortBy) { id number accountNumber archiveDate resource { id } } }';
export const UPDATE_METER =
  'mutation updateMeter($id: ID!, $data: MeterUpdateInput) { result: updateMeter(id: $id, data: $data) { id archiveDate } }';
export const ALL_METER_READINGS =
  'query allMeterReadings($where: MeterReadingWhereInput, $first: Int, $skip: Int, $sortBy: [SortMeterReadingsBy!]) { objs: allMeterReadings(where: $where, first: $first, skip: $skip, sortBy: $sortBy) { id date createdAt value1 value2 value3 value4 source { id } meter { id number accountNumber unitName unitType resource { id } property { id address addressKey } } } }';
export const ALL_PAYMENTS =
  'query allPayments($where: PaymentWhereInput, $first: Int, $skip: Int, $sortBy: [SortPaymentsBy!]) { objs: allPayments(where: $where, first: $first, skip: $skip, sortBy: $sortBy) { id amount implicitFee depositedDate transferDate order accountNumber rawAddress status period } }';
