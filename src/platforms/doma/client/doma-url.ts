import { DOMA_API_PATH } from '../contract/doma-limits.js';
import type { DomaContext } from './doma-context.js';

/** The one endpoint (NOTES.md "Endpoint and auth"): `POST <baseUrl>/admin/api`. */
export function domaApiUrl(ctx: Pick<DomaContext, 'connection'>): string {
  return `${ctx.connection.settings.baseUrl.replace(/\/+$/, '')}${DOMA_API_PATH}`;
}
