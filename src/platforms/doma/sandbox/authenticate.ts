import { DomaErrorCode, DomaErrorMessage, DomaErrorName } from '../contract/doma-errors.js';
import { SandboxError } from './sandbox-error.js';

export interface ServiceUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** The error of a missing, unknown or expired token (NOTES.md). */
export function unauthenticated(): SandboxError {
  return new SandboxError(DomaErrorName.authentication, DomaErrorMessage.unauthenticated, {
    code: DomaErrorCode.unauthenticated,
  });
}

/**
 * authenticateUserWithPassword (seed 000 §"Авторизация"): the user, or the platform's
 * `[passwordAuth:…]` errors for an unknown email or a wrong password.
 */
export function checkPassword(users: readonly ServiceUser[], email: unknown, password: unknown): ServiceUser {
  const user = users.find((u) => u.email.toLowerCase() === String(email ?? '').toLowerCase());
  if (!user) {
    throw new SandboxError('Error', `${DomaErrorMessage.identityNotFoundPrefix} Authentication failed`, {
      code: DomaErrorCode.internal,
    });
  }
  if (user.password !== password) {
    throw new SandboxError('Error', `${DomaErrorMessage.passwordMismatchPrefix} Authentication failed`, {
      code: DomaErrorCode.internal,
    });
  }
  return user;
}
