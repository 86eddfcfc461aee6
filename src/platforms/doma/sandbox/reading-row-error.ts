import { DomaErrorCode } from '../contract/doma-errors.js';
import { gqlError, type SandboxError } from './sandbox-error.js';

/** A per-row error of registerMetersReadings: BAD_USER_INPUT with the row's `inputIndex`. */
export function rowError(type: string, message: string, index: number): SandboxError {
  return gqlError(DomaErrorCode.badUserInput, type, message, { inputIndex: index });
}
