/** An answer of the sandbox before it is written to the socket. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON-serialisable body, or text for answers that are not GraphQL (a proxy's 503). */
  body: unknown;
}

/** An error as it appears in `errors[]` when raised before execution. */
export function requestError(message: string, extensions: Record<string, unknown>, name = 'GQLError') {
  return { name, message, extensions };
}
