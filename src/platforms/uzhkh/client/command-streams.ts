import type {
  CanonicalRow,
  OutboundStream,
  RecordOutcome,
  WireRecord,
} from '../../../engine/connector/connector.js';
import { HANDLE_ANSWERS, type HandleAnswer } from '../contract/handle-answer.js';
import { setIdAnswerOf } from '../contract/set-id-answer.js';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { callUzhkh } from './call-uzhkh.js';
import {
  DECISION_KIND,
  type Decision,
  ID_ASSIGNMENT_KIND,
  type IdAssignment,
  type Stored,
} from './uzhkh-commands.js';
import type { UzhkhContext } from './uzhkh-context.js';
import type { UzhkhCredentials } from './uzhkh-credentials.js';
import type { UzhkhSettings } from './uzhkh-settings.js';

/** Only this connection's commands; a withdrawn (deleted) command has nothing to undo on the platform. */
function ownRows(rows: readonly CanonicalRow[], ctx: UzhkhContext): Promise<{ records: WireRecord[] }> {
  const records = rows
    .filter((r) => !r.deleted && (r.data as { connectionId?: unknown }).connectionId === ctx.connection.id)
    .map((r): WireRecord => ({ key: r.key, op: 'upsert', payload: r.data }));
  return Promise.resolve({ records });
}

/** One call per command, in order; a whole-call failure (403, 5xx, no answer) is thrown for the engine. */
async function each<T>(
  batch: readonly WireRecord[],
  send: (cmd: T) => Promise<RecordOutcome>,
): Promise<RecordOutcome[]> {
  const out: RecordOutcome[] = [];
  for (const record of batch) out.push(await send(record.payload as T));
  return out;
}

const SET_ID_MEANING: Record<string, { code: string; text: string }> = {
  notFound: {
    code: 'uzhkh_not_found',
    text: 'the platform has no object with this id and type (SetId notFound)',
  },
  unknownType: {
    code: 'uzhkh_unknown_type',
    text: 'the platform does not know this type (SetId unknownType)',
  },
  noData: { code: 'uzhkh_no_data', text: 'uzhkId, externalId or type was missing (SetId noData)' },
};

/** seed 001 §"Присвоение Id": `SetId?uzhkId=&externalId=&type=`, answers mapped to outcomes. */
async function setId(cmd: Stored<IdAssignment>, ctx: UzhkhContext): Promise<RecordOutcome> {
  const res = await callUzhkh(ctx, uzhkhPaths.setId, {
    uzhkId: cmd.uzhkhId,
    externalId: cmd.externalId,
    type: cmd.type,
  });
  const word = setIdAnswerOf(await res.text());
  if (res.ok && word === 'success') return { status: 'ok' };
  const meaning = word ? SET_ID_MEANING[word] : undefined;
  const about = `${cmd.type} ${cmd.uzhkhId} → ${cmd.externalId}`;
  if (meaning) return { status: 'rejected', code: meaning.code, message: `SetId ${about}: ${meaning.text}` };
  return {
    status: 'rejected',
    code: `http_${res.status}`,
    message: `SetId ${about}: unexpected answer HTTP ${res.status}`,
  };
}

/** seed 001 §"Дополнительный метод…": HandleRequestToRegister / HandleRequestToObjectAdding. */
async function handle(cmd: Stored<Decision>, ctx: UzhkhContext): Promise<RecordOutcome> {
  const register = cmd.request === 'register';
  const res = await callUzhkh(ctx, register ? uzhkhPaths.handleRegister : uzhkhPaths.handleObjectAdding, {
    id: cmd.requestId,
    isApprove: String(cmd.approve),
    isReject: String(!cmd.approve),
    ...(register ? { cause: cmd.cause } : { accountNumber: cmd.accountNumber }),
    isSendNotification: String(cmd.notify),
  });
  const word = (await res.text()).trim().replace(/^"|"$/g, '') as HandleAnswer;
  if (res.ok) return { status: 'ok' };
  const about = `${register ? 'HandleRequestToRegister' : 'HandleRequestToObjectAdding'} ${cmd.requestId}`;
  if (word === 'notFound')
    return {
      status: 'rejected',
      code: 'uzhkh_not_found',
      message: `${about}: the platform has no such request`,
    };
  const code = Object.hasOwn(HANDLE_ANSWERS, word) ? `uzhkh_${word}` : `http_${res.status}`;
  return { status: 'rejected', code, message: `${about}: HTTP ${res.status} ${word}` };
}

/**
 * One command a batch: each is its own call, so a 500 on one is retried alone and never makes the
 * engine resend the ones that already succeeded.
 */
const limits = { maxRecords: 1, maxBytes: 1_000_000 };

export const uzhkhCommandStreams: readonly OutboundStream<UzhkhSettings, UzhkhCredentials>[] = [
  {
    kind: ID_ASSIGNMENT_KIND,
    limits,
    toWire: ownRows,
    deliver: (batch, ctx) => each<Stored<IdAssignment>>(batch, (cmd) => setId(cmd, ctx)),
  },
  {
    kind: DECISION_KIND,
    limits,
    toWire: ownRows,
    deliver: (batch, ctx) => each<Stored<Decision>>(batch, (cmd) => handle(cmd, ctx)),
  },
];
