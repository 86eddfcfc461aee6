import { z } from 'zod';
import { wireId } from './wire-fields.js';

/** seed 002 §1 "Загрузка списка услуг": one service of `services[]`. */
export const WireService = z.object({
  id: wireId,
  organization: z.string(),
  short_name: z.string(),
  full_name: z.string(),
});
export type WireService = z.infer<typeof WireService>;
