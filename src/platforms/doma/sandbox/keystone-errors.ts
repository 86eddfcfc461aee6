import { DomaErrorCode, DomaErrorMessage, DomaErrorName } from '../contract/doma-errors.js';
import { SandboxError } from './sandbox-error.js';

/**
 * A write the model refused, as Keystone answers it: ValidationFailureError "You attempted to perform
 * an invalid mutation", the reasons in `messages` (condo's own are prefixed like
 * "[unique:alreadyExists:number] …"). `type` is ours, for clients that act on codes.
 */
export function validationFailure(type: string, message: string): SandboxError {
  return new SandboxError(DomaErrorName.validationFailure, DomaErrorMessage.invalidMutation, {
    code: DomaErrorCode.badUserInput,
    type,
    messages: [message],
  });
}

/** A relation naming an item that is not there (or not visible): Keystone's nested-mutation error. */
export function unableToConnect(list: string, field: string, ref: string): SandboxError {
  return new SandboxError('Error', `Unable to connect a ${list}.${field}<${ref}>`, {
    code: DomaErrorCode.badUserInput,
    type: 'UNABLE_TO_CONNECT',
  });
}
