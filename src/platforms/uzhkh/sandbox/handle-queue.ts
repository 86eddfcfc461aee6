import type { ServerResponse } from 'node:http';
import { sendAnswer } from './send-answer.js';
import type { UzhkhRuntime } from './uzhkh-runtime.js';
import { servedSnapshot } from './wire-time.js';

/** seed 001 §"Отправка данных": `To1c/Requests`, the oldest waiting records (reading removes nothing). */
export function handleRequests(rt: UzhkhRuntime, res: ServerResponse): void {
  const page = rt.world.queue.page(rt.faults.requestsLimit);
  rt.stats.requestsServed += page.length;
  sendAnswer(
    res,
    200,
    page.map((c) => ({ Guid: c.Guid, [c.entity]: servedSnapshot(c.snapshot, rt.faults.dateStyle) })),
  );
}

/** seed 001 §"Получение информации об удалённых объектах": `To1c/DeletedItems`. */
export function handleDeletedItems(rt: UzhkhRuntime, res: ServerResponse): void {
  sendAnswer(res, 200, rt.world.queue.deletedItems());
}

/**
 * seed 001 §"Действия после получения запроса": `To1c/Delete?guid=&objectId=`. A guid no longer
 * waiting is answered `success` too (a retried Delete must not fail), a missing guid `noData`.
 */
export async function handleDelete(
  rt: UzhkhRuntime,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  rt.stats.deletes++;
  if (rt.faults.deleteLatencyMs > 0) await rt.sleep(rt.faults.deleteLatencyMs);
  const guid = query.get('guid');
  if (!guid) return sendAnswer(res, 404, 'noData');
  if (rt.roll(rt.faults.deleteErrorRate)) {
    rt.stats.faults.deleteError++;
    return sendAnswer(res, 500, 'error');
  }
  if (rt.roll(rt.faults.ignoreDeleteRate)) {
    rt.stats.faults.ignoredDelete++;
    return sendAnswer(res, 200, 'success');
  }
  rt.world.acknowledge(guid, query.get('objectId') || undefined);
  sendAnswer(res, 200, 'success');
}
