import { z } from 'zod';
import { wireId, wireText } from './wire-fields.js';

/**
 * seed 002 §1 "Загрузка списка услуг": one service of `services[]`. Every field is listed and named
 * ("Наименование организации", the names of the service): none may be left out or empty.
 */
export const WireService = z.object({
  id: wireId,
  organization: wireText,
  short_name: wireText,
  full_name: wireText,
});
export type WireService = z.infer<typeof WireService>;
