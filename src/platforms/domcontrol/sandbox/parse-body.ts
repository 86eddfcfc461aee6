import type { ImportFailure } from '../contract/import-failure.js';

/**
 * Parses a request body as JSON. Malformed input — the seed's own examples with their trailing
 * commas — is refused with the parser's reason and the character position it stopped at.
 */
export function parseBody(
  body: Buffer,
): { ok: true; json: unknown } | { ok: false; failure: ImportFailure & { position?: number } } {
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    return {
      ok: false,
      failure: {
        error: 'invalid_json',
        message: `the body is not valid JSON: ${message}`,
        ...(position === undefined ? {} : { position: Number(position) }),
      },
    };
  }
}
