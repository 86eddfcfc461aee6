import { z } from 'zod';

/**
 * Who writes: every write carries `dv: 1` and `sender: {dv: 1, fingerprint}` (seed 000 §"Интеграция
 * через АПИ"); the fingerprint must match the platform's pattern (NOTES.md).
 */
export const SENDER_FINGERPRINT_RE = /^[a-zA-Z0-9!#$%()*+-;=,:[\]/.?@^_`{|}~]{5,42}$/;

export const DOMA_DV = 1;

export const Sender = z.object({
  dv: z.literal(DOMA_DV),
  fingerprint: z.string().regex(SENDER_FINGERPRINT_RE),
});
export type Sender = z.infer<typeof Sender>;

export const senderOf = (fingerprint: string): Sender => ({ dv: DOMA_DV, fingerprint });
