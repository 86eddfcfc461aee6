import { createHmac, randomBytes } from 'node:crypto';

interface Session {
  userId: string;
  expiresAt: number;
}

/**
 * Bearer tokens of service-user sessions, shaped like the platform's (`<32-char session id>.<base64url
 * HMAC>`); each expires after the configured TTL, and all can be expired at once (a fault).
 */
export class DomaTokens {
  private readonly sessions = new Map<string, Session>();
  private readonly secret = randomBytes(32);

  constructor(
    public ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(userId: string): string {
    const sid = randomBytes(16).toString('hex');
    const sig = createHmac('sha256', this.secret).update(sid).digest('base64url');
    this.sessions.set(sid, { userId, expiresAt: this.now() + this.ttlMs });
    return `${sid}.${sig}`;
  }

  /** The user of a live token, or undefined. */
  userOf(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const [sid = '', sig] = token.split('.');
    const session = this.sessions.get(sid);
    if (!session || sig !== createHmac('sha256', this.secret).update(sid).digest('base64url'))
      return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session.userId;
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
