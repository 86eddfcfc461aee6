import { checkPassword, unauthenticated } from './authenticate.js';
import { type CreateReceiptFileArgs, createReceiptFile } from './create-receipt-file.js';
import type { DomaRuntime } from './doma-runtime.js';
import { type ListArgs, listRecords } from './list-records.js';
import { type CreateMeterArgs, createMeter, type UpdateMeterArgs, updateMeter } from './meter-mutations.js';
import { type RegisterReadingsArgs, registerReadings } from './register-readings.js';
import { type RegisterReceiptFileArgs, registerReceiptFile } from './register-receipt-file.js';
import { type RegisterReceiptsArgs, registerReceipts } from './register-receipts.js';
import { type UpdateReceiptFileArgs, updateReceiptFile } from './update-receipt-file.js';

/** What every resolver gets: the runtime and the caller's user (undefined without a live token). */
export interface RequestContext {
  rt: DomaRuntime;
  userId: string | undefined;
}

function requireUser(ctx: RequestContext): void {
  if (!ctx.userId) throw unauthenticated();
}

type Resolver = (args: never, ctx: RequestContext) => unknown;

/** Root fields of Query and Mutation; nested fields are the records' own properties. */
export const rootResolvers: Record<string, Resolver> = {
  authenticateUserWithPassword(args: { email?: string; password?: string }, ctx) {
    const user = checkPassword(ctx.rt.users, args.email, args.password);
    return { token: ctx.rt.tokens.issue(user.id), item: { id: user.id, name: user.name } };
  },
  registerBillingReceipts(args: RegisterReceiptsArgs, ctx) {
    requireUser(ctx);
    return registerReceipts(ctx.rt.store, args);
  },
  registerBillingReceiptFile(args: RegisterReceiptFileArgs, ctx) {
    requireUser(ctx);
    return registerReceiptFile(ctx.rt.store, args);
  },
  createBillingReceiptFile(args: CreateReceiptFileArgs, ctx) {
    requireUser(ctx);
    return createReceiptFile(ctx.rt.store, args);
  },
  registerMetersReadings(args: RegisterReadingsArgs, ctx) {
    requireUser(ctx);
    return registerReadings(ctx.rt.store, args);
  },
  updateBillingReceiptFile(args: UpdateReceiptFileArgs, ctx) {
    requireUser(ctx);
    return updateReceiptFile(ctx.rt.store, args);
  },
  createMeter(args: CreateMeterArgs, ctx) {
    requireUser(ctx);
    return createMeter(ctx.rt.store, args);
  },
  updateMeter(args: UpdateMeterArgs, ctx) {
    requireUser(ctx);
    return updateMeter(ctx.rt.store, args);
  },
  allMeters(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.meters.values(), args);
  },
  allMeterReadings(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.readings.values(), args);
  },
  allPayments(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.payments.values(), args);
  },
  allProperties(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.properties.values(), args);
  },
  allBillingReceipts(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.receipts.values(), args);
  },
  allBillingReceiptFiles(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.receiptFiles.values(), args);
  },
  allBillingIntegrationOrganizationContexts(args: ListArgs, ctx) {
    requireUser(ctx);
    return listRecords(ctx.rt.store.contexts.values(), args);
  },
};
