import { z } from 'zod';

/**
 * Settings of an is74 connection. `coreUrl` is where the platform core takes callbacks (seed 003
 * §"CallBack": https://core.coredev.is74.ru in the seed). `allowIps` limits who may call the Data
 * Provider API we serve; `tariffIds` limits the tariffs (and through them the services) we publish —
 * a billing's catalogue also holds tariffs is74 does not sell. `syncOnChange` (on by default) runs the
 * callbacks soon after the billing writes, without waiting for a schedule.
 */
export const Is74Settings = z.strictObject({
  coreUrl: z.url(),
  allowIps: z.array(z.string().min(1)).max(100).optional(),
  tariffIds: z.array(z.string().min(1)).max(1000).optional(),
  /** A billing write that may change what the core sees starts a run (the connector's `syncOnChange`, see hub/change-sync). */
  syncOnChange: z.boolean().default(true),
});
export type Is74Settings = z.output<typeof Is74Settings>;
