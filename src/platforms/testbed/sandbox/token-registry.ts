import { randomBytes } from 'node:crypto';

/** Issued bearer tokens with their expiry; an expired token is forgotten when it is next shown. */
export class TokenRegistry {
  private readonly expiresAt = new Map<string, number>();

  /** `ttlMs` 0 means the token never expires. */
  issue(ttlMs: number): string {
    const token = randomBytes(18).toString('base64url');
    this.expiresAt.set(token, ttlMs > 0 ? Date.now() + ttlMs : Number.POSITIVE_INFINITY);
    return token;
  }

  isValid(token: string | undefined): boolean {
    if (token === undefined) return false;
    const expiresAt = this.expiresAt.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.expiresAt.delete(token);
    return false;
  }
}
