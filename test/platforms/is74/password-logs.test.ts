import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, LOG_REDACT } from '../../../src/hub/build-hub.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { TEST_SECRET } from '../../support/test-hub.js';
import { type Is74World, ORG, PROVIDER_TOKEN, startIs74World, USER } from './is74-fixture.js';

describe('is74 passwords never reach the log', () => {
  let w: Is74World;
  let url: string;
  let close: () => Promise<void>;
  const lines: string[] = [];
  beforeAll(async () => {
    w = await startIs74World('pglite');
    // A second hub on the same store with the serve command's logger, at the most verbose level.
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildHub({
      store: w.hub.store,
      box: SecretBox.fromString(TEST_SECRET),
      logger: { level: 'trace', stream, redact: LOG_REDACT },
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await w?.hub.close();
    await w?.sandbox.close();
  });

  it('logs requests that carry the password without the password', async () => {
    const token = await w.hub.tokenFor(ORG);
    const secret = 'Fresh-Secret-771';
    const json = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const put = await fetch(`${url}/v1/orgs/${ORG}/is74/users`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify([
        { ...USER, password: secret },
        { id: 'bad', login: 'bad', password: secret, phones: 5 },
      ]),
    });
    expect(put.status).toBe(200);
    const base = `${url}/p/is74/${w.connectionId}`;
    const platform = { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'application/json' };
    for (const pswd of [secret, `${secret}-wrong`]) {
      await fetch(`${base}/api/auth`, {
        method: 'POST',
        headers: platform,
        body: JSON.stringify({ login: USER.login, pswd }),
      });
    }
    const users = await fetch(`${base}/api/users?user_id=${USER.id}`, { headers: platform });
    expect(await users.text()).toContain(secret);
    expect(lines.length).toBeGreaterThan(6);
    const log = lines.join('');
    expect(log).toContain('/api/users');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(PROVIDER_TOKEN);
  });
});
