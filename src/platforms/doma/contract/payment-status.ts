import { z } from 'zod';

/**
 * Payment statuses (seed 000 §"Получение реестров платежей через АПИ"): DONE is transferred to the УК
 * and goes into a registry; WITHDRAWN is taken from the resident but not yet transferred — never in a
 * registry; the others do not concern a billing.
 */
export const DomaPaymentStatus = z.enum(['CREATED', 'PROCESSING', 'DONE', 'ERROR', 'WITHDRAWN']);
export type DomaPaymentStatus = z.infer<typeof DomaPaymentStatus>;
