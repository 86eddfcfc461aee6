import { HttpError } from '../http-error.js';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A connection is addressed by its id or its name alike (the id is looked up first). Ids are
 * UUIDs, so a name shaped like one is refused: no name can ever stand for another connection's id.
 */
export function checkConnectionName(name: string, field = 'body.name'): void {
  if (!UUID_SHAPE.test(name)) return;
  const message = `"${name}" looks like a connection id (a UUID); a name must not, so that a path or --connection naming it is never ambiguous`;
  throw new HttpError(400, 'invalid_name', message, {
    issues: [{ path: field, message, code: 'invalid_name' }],
  });
}
