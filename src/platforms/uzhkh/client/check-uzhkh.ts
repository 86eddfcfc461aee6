import type { CheckResult } from '../../../engine/connector/connector.js';
import { ChangeRecords } from '../contract/change-record.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh, readUzhkhJson } from './call-uzhkh.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** Reads `To1c/DeletedItems` (small, changes nothing): proves the token, the IP registration and reachability. */
export async function checkUzhkh(ctx: UzhkhContext): Promise<CheckResult> {
  const res = await callUzhkh(ctx, uzhkhPaths.deletedItems);
  const items = await readUzhkhJson(res, ChangeRecords, 'To1c/DeletedItems');
  return { ok: true, detail: `«Умное ЖКХ»: ${items.length} deleted item(s) waiting` };
}
