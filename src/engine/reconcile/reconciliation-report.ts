import { z } from 'zod';

/** How many differences of one sort a report names one by one; the counts are always whole. */
export const LISTED_LIMIT = 1000;

/** Where one ledger's records stand on the connection, from the hub's own state. */
export const LedgerStatus = z.object({
  kind: z.string().describe('the stream’s ledger: its kind, or its own name (a second stream of a kind)'),
  live: z.number().describe('canonical records that are not deleted'),
  confirmed: z.number().describe('live records the platform confirmed with the payload they would have now'),
  pending: z.number().describe('live records changed since their last confirmation, or never sent'),
  refused: z
    .record(z.string(), z.number())
    .describe('records the platform or the mapping refused, by error code'),
  deletedPending: z.number().describe('deleted records whose deletion the platform has not confirmed yet'),
  notCarried: z
    .number()
    .describe('records the stream does not send (a deletion the platform has no verb for, …)'),
});
export type LedgerStatus = z.infer<typeof LedgerStatus>;

const Difference = z.object({
  key: z.string().nullable().describe('our key; null when the platform’s record maps to none of ours'),
  platformId: z.string().nullable(),
  label: z.string().nullable().describe('what lets an operator find it on the platform'),
  ours: z.number().nullable().describe('our amount in kopecks'),
  platform: z.number().nullable().describe('the platform’s amount in kopecks'),
});
export type Difference = z.infer<typeof Difference>;

/** Our confirmed records beside what the platform holds of them. */
export const RemoteComparison = z.object({
  kind: z.string(),
  direction: z
    .enum(['outbound', 'inbound'])
    .describe(
      'outbound: our confirmed records of the kind; inbound: the connection’s inbox items of the kind (data the platform sends us: «only there» is what never reached the inbox, «missing there» what the platform no longer holds)',
    ),
  read: z.number().describe('records the platform holds (read back)'),
  compared: z.number().describe('our confirmed records compared with them'),
  onlyOnPlatform: z.number().describe('records the platform holds that we never sent'),
  missing: z.number().describe('confirmed records of ours the platform lacks'),
  amountDiffers: z.number().describe('records whose amounts differ (to the kopeck)'),
  differences: z
    .array(Difference.extend({ problem: z.enum(['only_on_platform', 'missing', 'amount_differs']) }))
    .describe(`the differences one by one (at most ${LISTED_LIMIT} of each sort)`),
});
export type RemoteComparison = z.infer<typeof RemoteComparison>;

export const ReconciliationReport = z.object({
  connection: z.object({ id: z.string(), name: z.string(), platform: z.string() }),
  generatedAt: z.string(),
  kinds: z.array(LedgerStatus),
  remote: z
    .array(RemoteComparison)
    .describe('per kind the platform can be read back; empty for a platform that cannot'),
  remoteError: z
    .string()
    .nullable()
    .describe('why the platform could not be read back this time (the local part stands)'),
  clean: z.boolean().describe('nothing pending, refused or different'),
});
export type ReconciliationReport = z.infer<typeof ReconciliationReport>;
