/**
 * Query parameters whose names look like a credential (`token`, `access_token`, `password`, `pswd`,
 * `client_secret`, `api_key`, `auth`, `signature`, `session`…). A credential in a URL is a mistake
 * the hub cannot stop a client from making, but it must never copy one into a log line.
 */
const SECRET_PARAM =
  /([?&;](?:[^=&#;\s]*(?:token|passw|pwd|pswd|secret|key|auth|signature|session|credential)[^=&#;\s]*|pass|sig)=)[^&#;\s]*/gi;

/** `text` with the value of every credential-like query parameter replaced by `***`. */
export function redactSecrets(text: string): string {
  return text.includes('=') ? text.replace(SECRET_PARAM, '$1***') : text;
}
