import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Оплата" (`Payment`). `IsRequest` false = a top-up of the balance. */
export const Payment = z.looseObject({
  Sum: wire.money,
  Commission: wire.optMoney,
  AccountNumber: wire.text,
  AccountId: wire.id,
  DateTime: wire.dateTime,
  Id: wire.id,
  AccrualDate: wire.optMonthYear,
  ServiceTitle: wire.optText,
  IdRequest: wire.optText,
  OrderId: wire.optText,
  OrderNumber: wire.optText,
  IsRequest: wire.bool,
  FromWeb: wire.bool,
  FromMobile: wire.bool,
  IsInsurance: wire.bool,
  /** "декабрь 2022" */
  InsurancePeriod: wire.optMonthNameYear,
  InsuranceNumber: wire.optText,
  InsuranceId: wire.optText,
  IsAutopay: wire.bool,
  ContractorName: wire.optText,
});
export type Payment = z.output<typeof Payment>;
