import { z } from 'zod';

/** seed 003 §"Справочник статусов договора": 1 новый, 2 подключено, 3 приостановление, 4 расторжение. */
export const Is74State = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Is74State = z.infer<typeof Is74State>;

/** One option of a contract or a tariff; `value` is an integer (money in kopecks, or a setting's flag). */
export const Is74Option = z.object({
  category_name: z.string(),
  name: z.string().min(1),
  hidden: z.boolean(),
  value: z.int(),
});
export type Is74Option = z.infer<typeof Is74Option>;

/** The Settings option that forces blocking whatever the balance (seed 003 §"4. Получение определённого контракта"). */
export const SUSPENSION_CATEGORY = 'Settings';
export const SUSPENSION_OPTION = 'services_suspended_pending_payment';

/**
 * A contract (лицевой счёт) as `GET /api/contracts?user_id=` and `?id=` answer it (seed 003 §"3."
 * and §"4."). Money is integer kopecks; `balance` is what the user has available (positive =
 * prepaid). `required_payment` is deprecated but still allowed. The address block is optional: the
 * seed shows it filled, but nothing in it is needed to decide permissions.
 */
export const Is74ContractView = z.object({
  ext_id: z.string().min(1),
  account: z.string().min(1),
  contract: z.string().min(1),
  state: Is74State,
  balance: z.int(),
  required_payment: z.int().optional(),
  address: z.string().optional(),
  building_code: z.string().optional(),
  region: z.int().optional(),
  building_num: z.string().optional(),
  flat: z.string().optional(),
  options: z.array(Is74Option),
  tariffs: z.array(z.object({ id: z.string().min(1), options: z.array(Is74Option) })),
});
export type Is74ContractView = z.infer<typeof Is74ContractView>;

export const ContractsResponse = z.array(Is74ContractView);
