import { describe, expect, it } from 'vitest';
import { SecretBox, SecretKeyError } from '../../src/store/secret-box.js';

describe('SecretBox', () => {
  const box = SecretBox.fromString('a passphrase long enough');

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal({ email: 'svc@uk.ru', password: 'p@ss-Word' });
    expect(sealed).not.toContain('p@ss');
    expect(sealed).not.toContain('svc@uk.ru');
    expect(box.open(sealed)).toEqual({ email: 'svc@uk.ru', password: 'p@ss-Word' });
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('reports a wrong key as such', () => {
    const other = SecretBox.fromString('0'.repeat(64));
    expect(() => other.open(box.seal('x'))).toThrow(SecretKeyError);
    expect(() => other.open(box.seal('x'))).toThrow(/sealed with key/);
  });

  it('detects tampering', () => {
    const parts = box.seal({ a: 1 }).split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
  });

  it('refuses short passphrases', () => {
    expect(() => SecretBox.fromString('short')).toThrow(/at least 16/);
  });
});
