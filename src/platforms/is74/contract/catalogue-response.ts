import { z } from 'zod';

/** seed 003 §"5. Список услуг": `GET /api/services`. */
export const Is74ServiceView = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type Is74ServiceView = z.infer<typeof Is74ServiceView>;
export const ServicesResponse = z.array(Is74ServiceView);

/**
 * seed 003 §"6. Список тарифов": `GET /api/tariffs`. A tariff has a `cost` in kopecks or says
 * `without_cost: true`; exactly one of the two. Both examples carry a description and a link (the
 * tariff's page); a billing may have neither for a tariff, so they are optional.
 */
export const Is74TariffView = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    services: z.array(z.object({ id: z.string().min(1) })),
    description: z.string().optional(),
    cost: z.int().optional(),
    without_cost: z.literal(true).optional(),
    link: z.url().optional(),
  })
  .refine((t) => (t.cost === undefined) !== (t.without_cost === undefined), {
    message: 'a tariff has either cost (kopecks) or without_cost: true',
  });
export type Is74TariffView = z.infer<typeof Is74TariffView>;
export const TariffsResponse = z.array(Is74TariffView);

/** seed 003 §"7. Начисления": `GET /api/charges?user_id=&limit=`, latest first, period `MM-YY`. */
export const Is74ChargeView = z.object({
  account: z.string().min(1),
  cost: z.int(),
  period: z.string().regex(/^(0[1-9]|1[0-2])-\d{2}$/, 'a period MM-YY'),
  description: z.string(),
});
export type Is74ChargeView = z.infer<typeof Is74ChargeView>;
export const ChargesResponse = z.array(Is74ChargeView);
