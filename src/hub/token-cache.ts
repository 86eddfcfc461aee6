import type { Db } from '../store/open-store.js';
import { findActiveToken, hashToken, type TokenInfo } from '../store/token-store.js';

/** How long a token found active is believed without asking the store again. */
export const TOKEN_CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;

/**
 * Active tokens as the store last answered, for `TOKEN_CACHE_MS`: under load every request would
 * otherwise spend a statement on its token, and on the embedded store statements take turns. Keyed
 * by the token's hash (the secret itself is not kept). A token revoked through this hub is dropped
 * at once (`forget`); one revoked elsewhere (another process on the same PostgreSQL) is refused
 * within `TOKEN_CACHE_MS`. Unknown tokens are never cached: a new one works at once.
 */
export class TokenCache {
  readonly #entries = new Map<string, { info: TokenInfo; until: number }>();

  async find(db: Db, secret: string): Promise<TokenInfo | undefined> {
    const hash = hashToken(secret);
    const now = Date.now();
    const hit = this.#entries.get(hash);
    if (hit && hit.until > now) return hit.info;
    this.#entries.delete(hash);
    const info = await findActiveToken(db, secret);
    if (info) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      this.#entries.set(hash, { info, until: now + TOKEN_CACHE_MS });
    }
    return info;
  }

  /** Drops a token (revoked): its next request asks the store. */
  forget(tokenId: string): void {
    for (const [hash, e] of this.#entries) if (e.info.id === tokenId) this.#entries.delete(hash);
  }
}
