import { z } from 'zod';
import { wire } from './wire-values.js';

/** seed 001 §"Объект недвижимости" (`Obj`): a flat, office, parking space… */
export const Obj = z.looseObject({
  TypeObject: wire.text,
  Address: wire.text,
  Locality: wire.optText,
  Street: wire.text,
  HouseNumber: wire.text,
  FlatNumber: wire.text,
  SquareAll: wire.optDecimal,
  SquareLiving: wire.optDecimal,
  CountRooms: wire.optText,
  EtazhNumber: wire.optInt,
  PodyezdNumber: wire.optText,
  Id: wire.id,
  HouseId: wire.id,
  YearOfHouse: wire.optInt,
  SipNumber: wire.optText,
  SipPassword: wire.optText,
});
export type Obj = z.output<typeof Obj>;
