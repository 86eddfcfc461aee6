import type { ConnectionInfo } from '../../store/connection-store.js';
import { HttpError } from '../http-error.js';
import type { HubContext } from '../hub-context.js';
import { findConnection } from './find-connection.js';

/** The connection a request names (id or name), or 404 `connection_not_found`. */
export async function resolveConnection(
  ctx: HubContext,
  orgId: string,
  idOrName: string,
): Promise<ConnectionInfo> {
  const c = await findConnection(ctx.store.db, ctx.box, orgId, idOrName);
  if (!c) throw new HttpError(404, 'connection_not_found', `connection ${idOrName} does not exist`);
  return c;
}
