/**
 * An error the sandbox raises the way the platform does: `name` (AuthenticationError, GQLError, …) and
 * `extensions` ({code, type, message, …}) reach the answer's `errors[]` unchanged.
 */
export class SandboxError extends Error {
  readonly extensions: Record<string, unknown>;

  constructor(name: string, message: string, extensions: Record<string, unknown>) {
    super(message);
    this.name = name;
    this.extensions = extensions;
  }
}

/** A condo GQLError: `extensions` repeat the message beside code and type. */
export function gqlError(
  code: string,
  type: string | undefined,
  message: string,
  more: Record<string, unknown> = {},
) {
  return new SandboxError('GQLError', message, { code, ...(type ? { type } : {}), message, ...more });
}
