import { z } from 'zod';
import type { EntityKindName } from '../../../domain/entity-kinds.js';
import { SET_ID_TYPES } from '../contract/set-id-answer.js';

/**
 * What the billing tells the platform through the hub: decisions on registration requests and ids
 * for objects created on the platform. They are stored as records of two platform-scoped kinds
 * (not canonical data: the billing's API for them is `/connections/{id}/uzhkh/…`) and delivered by
 * outbound streams, so retries, record errors, delta (a decision is sent once) and operations are
 * the engine's. The record key starts with the connection id: records belong to one connection.
 */
export const DECISION_KIND = 'uzhkh_decision' as EntityKindName;
export const ID_ASSIGNMENT_KIND = 'uzhkh_id_assignment' as EntityKindName;

export const Decision = z.strictObject({
  /** The platform's id of the request (RequestToRegister / RequestToObjectAdding `Id`). */
  requestId: z.string().min(1).max(100),
  request: z.enum(['register', 'objectAdding']),
  approve: z.boolean(),
  /** Why it was rejected (HandleRequestToRegister `cause`). */
  cause: z.string().max(1000).optional(),
  /** The account the flat was added to (HandleRequestToObjectAdding `accountNumber`). */
  accountNumber: z.string().max(100).optional(),
  /** Whether the platform sends the resident notifications. */
  notify: z.boolean().default(true),
});
export type Decision = z.output<typeof Decision>;

export const IdAssignment = z.strictObject({
  type: z.enum(SET_ID_TYPES),
  /** The platform's id now (usually a `--` one). */
  uzhkhId: z.string().min(1).max(200),
  /** The billing's id. */
  externalId: z.string().min(1).max(200),
});
export type IdAssignment = z.output<typeof IdAssignment>;

/** A stored command: the input plus the connection it is for. */
export type Stored<T> = T & { connectionId: string };

export function decisionKey(connectionId: string, d: Decision): string {
  return `${connectionId}/${d.request}/${d.requestId}`;
}

export function idAssignmentKey(connectionId: string, a: IdAssignment): string {
  return `${connectionId}/${a.type}/${a.uzhkhId}`;
}
