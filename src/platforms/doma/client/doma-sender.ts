import type { DomaSettings } from './doma-settings.js';

/** `dv` and `sender` every write carries (NOTES.md "Endpoint and auth"). */
export function domaSender(settings: DomaSettings): { dv: 1; sender: { dv: 1; fingerprint: string } } {
  return { dv: 1, sender: { dv: 1, fingerprint: settings.fingerprint } };
}
