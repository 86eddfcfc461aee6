import { isTemporaryId } from '../contract/uzhkh-paths.js';
import { hubIdFor } from './stable-ids.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** An id-map entry an inbox item carries: the engine writes it in the page's transaction. */
export interface IdEntry {
  entity: string;
  key: string;
  platformId: string;
  temporary?: boolean;
}

/** The id the billing knows an object by, and what the id map must learn for it. */
export interface ResolvedRef {
  id: string;
  /** Entries new to the id map (none when it already holds the answer). */
  ids: IdEntry[];
}

/**
 * The one answer to "which id does the billing know the platform's object `--N` by?", for the
 * object's own record and for every record pointing at it, whichever arrives first (seed 001
 * §"Особый случай"). Resolved through the id map; what it does not hold yet is decided here and
 * travels with the item to be written there:
 * - `hub`: the hub's id, derived from the connection and the temporary id — the same whichever
 *   record meets it first, so a reference met before its record gets the id the record will get;
 * - `billing`: the temporary id itself, until the billing gives its own (`uzhkh/ids` writes it to
 *   the id map at once, so from then on the `--N` of any late record reads as the billing's id).
 * A permanent id (the billing's, or a hub id the platform now carries) is the id.
 * One resolver serves one page: lookups are cached.
 */
export class IdResolver {
  private readonly known = new Map<string, Promise<ResolvedRef>>();

  constructor(private readonly ctx: UzhkhContext) {}

  resolve(idEntity: string, platformId: string): Promise<ResolvedRef> {
    if (!isTemporaryId(platformId)) return Promise.resolve({ id: platformId, ids: [] });
    const k = `${idEntity}\u0000${platformId}`;
    let found = this.known.get(k);
    if (!found) {
      found = this.lookUp(idEntity, platformId);
      this.known.set(k, found);
    }
    return found;
  }

  private async lookUp(idEntity: string, platformId: string): Promise<ResolvedRef> {
    const mapped = await this.ctx.ids.keyOf(idEntity, platformId);
    if (mapped !== undefined) return { id: mapped, ids: [] };
    const id =
      this.ctx.connection.settings.idAssignment === 'billing'
        ? platformId
        : hubIdFor(this.ctx.connection.id, idEntity, platformId);
    return { id, ids: [{ entity: idEntity, key: id, platformId, temporary: true }] };
  }
}
