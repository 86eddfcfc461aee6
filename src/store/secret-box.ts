import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/**
 * Encrypts secrets at rest (connection credentials, residents' passwords) with AES-256-GCM. The
 * envelope names the key by a short fingerprint so that a wrong ZHKH_SECRET_KEY is reported as such
 * instead of as corrupt data.
 */
export class SecretBox {
  readonly fingerprint: string;
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new SecretKeyError('secret key must be 32 bytes');
    this.#key = key;
    this.fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** Accepts 32 bytes as 64 hex characters or base64, or any passphrase (stretched with scrypt). */
  static fromString(secret: string): SecretBox {
    const s = secret.trim();
    if (/^[0-9a-fA-F]{64}$/.test(s)) return new SecretBox(Buffer.from(s, 'hex'));
    const b64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(s) ? Buffer.from(s, 'base64') : undefined;
    if (b64?.length === 32) return new SecretBox(b64);
    if (s.length < 16) throw new SecretKeyError('ZHKH_SECRET_KEY must be at least 16 characters');
    return new SecretBox(scryptSync(s, 'zhkh-bridge/secret-box/v1', 32));
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [
      'v1',
      this.fingerprint,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  open(envelope: string): unknown {
    const [version, fp, iv, tag, body] = envelope.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new SecretKeyError('not a sealed secret');
    if (fp !== this.fingerprint) {
      throw new SecretKeyError(
        `secret was sealed with key ${fp}, but ZHKH_SECRET_KEY is key ${this.fingerprint}`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text);
  }
}
