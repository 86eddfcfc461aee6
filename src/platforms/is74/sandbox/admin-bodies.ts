import { z } from 'zod';
import { PERMISSIONS } from './permission-names.js';

/** Bodies of the `/_sandbox/` admin routes. */
export const LoginBody = z.strictObject({ login: z.string().min(1), pswd: z.string().min(1) });
export const ConfigBody = z.strictObject({
  providerUrl: z.url().optional(),
  providerToken: z.string().min(1).optional(),
  providerUser: z.string().min(1).optional(),
  providerPassword: z.string().min(1).optional(),
  callbackUser: z.string().min(1).optional(),
  callbackPassword: z.string().min(1).optional(),
  chargesLimit: z.int().min(1).max(120).optional(),
});
export const OrgBody = z.strictObject({
  appBlocking: z.boolean().optional(),
  handsetBlocking: z.boolean().optional(),
  handsetTariffIds: z.array(z.string().min(1)).optional(),
});
/** Threshold in kopecks of balance: below it the tariff's services are blocked. */
export const ThresholdBody = z.strictObject({ threshold: z.int() });
export const PermissionsBody = z.strictObject({ permissions: z.array(z.enum(PERMISSIONS)) });
export const EntranceBody = z.strictObject({ access: z.boolean() });
export const FaultsBody = z.strictObject({ failCallbacks: z.int().min(0).max(1000) });
