/** JSON.parse that answers undefined for a malformed body (which then gets a 400). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
