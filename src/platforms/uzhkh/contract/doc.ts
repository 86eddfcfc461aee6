import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Документ" (`Doc`): ids are unique per `TypeName` only (article 1 and news 1 may both exist). */
export const DOC_TYPES = ['article', 'news', 'notice'] as const;

export const Doc = z.looseObject({
  Id: wire.id,
  TypeName: wire.text,
  Title: wire.text,
  Text: wire.text,
  IsPublish: wire.bool,
  Date: wire.dateTime,
  IsForExecutors: wire.bool,
  IsForResponsibles: wire.bool,
  IsForContractors: wire.bool,
  IsForDisp: wire.bool,
  IsForParking: wire.bool,
  IsForNoParking: wire.bool,
  PushText: wire.optText,
  EmailTitle: wire.optText,
  EmailText: wire.optText,
  SmsText: wire.optText,
  /** Comma-separated lists. */
  HousesIds: wire.optText,
  ResidentsIds: wire.optText,
  ResidentToFlatsIds: wire.optText,
});
export type Doc = z.output<typeof Doc>;
