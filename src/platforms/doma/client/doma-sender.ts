import { DOMA_DV, type Sender, senderOf } from '../contract/sender.js';
import type { DomaSettings } from './doma-settings.js';

/** `dv` and `sender` every write carries (NOTES.md "Endpoint and auth"). */
export function domaSender(settings: DomaSettings): { dv: typeof DOMA_DV; sender: Sender } {
  return { dv: DOMA_DV, sender: senderOf(settings.fingerprint) };
}
