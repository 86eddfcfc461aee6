import { DomaErrorCode, DomaErrorMessage, DomaErrorName } from '../contract/doma-errors.js';
import type { ContextRec } from './doma-records.js';
import type { DomaStore } from './doma-store.js';
import { SandboxError } from './sandbox-error.js';

/** The platform's status of a billing context that may publish (NOTES.md). */
export const FINISHED_CONTEXT_STATUS = 'Finished';

export function accessDenied(): SandboxError {
  return new SandboxError(DomaErrorName.accessDenied, DomaErrorMessage.accessDenied, {
    code: DomaErrorCode.forbidden,
  });
}

/** The billing context a write names; AccessDenied when unknown or not Finished. */
export function finishedContext(store: DomaStore, id: string | undefined): ContextRec {
  const ctx = id === undefined ? undefined : store.contexts.get(id);
  if (!ctx || ctx.status !== FINISHED_CONTEXT_STATUS) throw accessDenied();
  return ctx;
}
