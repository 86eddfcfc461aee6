import { z } from 'zod';
import { ACCOUNT_EMAIL_FIELDS } from '../contract/account-import.js';
import { DomcontrolAuthMode } from '../contract/domcontrol-auth.js';
import { DOMCONTROL_SIGNS } from './domcontrol-signs.js';

/** The most items one request carries (the streams' limit; `batchSize` may only lower it). */
export const DOMCONTROL_MAX_BATCH = 1000;
/** The most bytes one request body carries (the streams' limit; `maxBytes` may only lower it). */
export const DOMCONTROL_MAX_BYTES = 16 * 1024 * 1024;

/** Connection settings; strict, so a typo is an error rather than a default. */
export const DomcontrolSettings = z.strictObject({
  /**
   * Required, with no default: a default would be the real platform (seed 002's host,
   * DOMCONTROL_DEFAULT_BASE_URL), and a connection whose settings lost it would send the billing's
   * data there. Type the address even when it is the seed's.
   */
  baseUrl: z.url(),
  /** Which credentials the calls carry (the seed names none). */
  auth: z.strictObject({ mode: DomcontrolAuthMode }).default({ mode: 'none' }),
  batchSize: z.int().min(1).max(DOMCONTROL_MAX_BATCH).default(DOMCONTROL_MAX_BATCH),
  maxBytes: z
    .int()
    .min(1024)
    .max(DOMCONTROL_MAX_BYTES)
    .default(4 * 1024 * 1024),
  /** Sign of balances and transactions on the wire: see domcontrol-signs.ts. */
  signs: z.enum(DOMCONTROL_SIGNS).default('account'),
  /**
   * `organization` of services whose canonical record names no provider; empty = the
   * organisation's own name (seed 002 §1 names an organization for every service).
   */
  organization: z.string().default(''),
  /**
   * The service a transaction without one is sent with (seed 002 §6 lists `service` with every
   * transaction); unset = such a transaction is refused with `service_missing`.
   */
  defaultTransactionService: z.string().min(1).optional(),
  /** How the account's e-mail field is spelled (seed 002 §2 has both). */
  emailField: z.enum(ACCOUNT_EMAIL_FIELDS).default('email'),
});
export type DomcontrolSettings = z.output<typeof DomcontrolSettings>;
