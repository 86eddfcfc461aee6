import type { GraphQLError } from 'graphql';
import { DomaErrorCode } from '../contract/doma-errors.js';
import { SandboxError } from './sandbox-error.js';

/**
 * `errors[]` entries as the platform sends them: GraphQL's message, locations and path, plus the
 * error's `name` and `extensions` (errors the sandbox did not mean to raise become INTERNAL_SERVER_ERROR).
 */
export function formatErrors(errors: readonly GraphQLError[], requestLevelCode?: string): unknown[] {
  return errors.map((err) => {
    const json = err.toJSON() as { message: string; extensions?: Record<string, unknown> };
    const original = err.originalError;
    const name = original instanceof SandboxError ? original.name : original ? 'Error' : 'GraphQLError';
    let extensions = json.extensions ?? {};
    if (!('code' in extensions)) {
      extensions = {
        ...extensions,
        code: original ? DomaErrorCode.internal : (requestLevelCode ?? DomaErrorCode.internal),
      };
    }
    return { ...json, name, extensions };
  });
}
