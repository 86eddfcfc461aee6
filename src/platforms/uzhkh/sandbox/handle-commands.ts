import type { ServerResponse } from 'node:http';
import { HANDLE_ANSWERS } from '../contract/handle-answer.js';
import { SET_ID_ANSWERS } from '../contract/set-id-answer.js';
import type { RequestState } from './request-state.js';
import { sendAnswer } from './send-answer.js';
import type { UzhkhRuntime } from './uzhkh-runtime.js';

/** seed 001 §"Присвоение Id": `SetId?uzhkId=&externalId=&type=`, answered with the seed's words. */
export function handleSetId(rt: UzhkhRuntime, res: ServerResponse, query: URLSearchParams): void {
  rt.stats.setIds++;
  const uzhkId = query.get('uzhkId');
  const externalId = query.get('externalId');
  const type = query.get('type');
  if (!uzhkId || !externalId || !type) {
    sendAnswer(res, SET_ID_ANSWERS.noData, 'noData');
    return;
  }
  const answer = rt.world.setId(uzhkId, externalId, type);
  sendAnswer(res, SET_ID_ANSWERS[answer], answer);
}

/**
 * seed 001 §"Дополнительный метод для обработки заявок…": both Handle methods; they record the
 * decision and whether notifications were sent. Booleans are "true"/"false" (case-insensitive).
 */
export function handleDecision(
  rt: UzhkhRuntime,
  res: ServerResponse,
  kind: RequestState['kind'],
  query: URLSearchParams,
): void {
  rt.stats.handles++;
  const id = query.get('id');
  if (!id) {
    sendAnswer(res, HANDLE_ANSWERS.noData, 'noData');
    return;
  }
  const flag = (name: string) => (query.get(name) ?? '').toLowerCase() === 'true';
  const answer = rt.world.handleRequest(kind, id, {
    approve: flag('isApprove'),
    reject: flag('isReject'),
    notify: flag('isSendNotification'),
    ...(kind === 'register'
      ? { cause: query.get('cause') ?? undefined }
      : { accountNumber: query.get('accountNumber') ?? undefined }),
  });
  sendAnswer(res, HANDLE_ANSWERS[answer], answer);
}
