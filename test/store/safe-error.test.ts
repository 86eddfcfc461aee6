import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { safeError } from '../../src/store/safe-error.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('safeError on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());

  it('keeps the database message and drops the query parameters', async () => {
    const secret = 'Иванов Иван Иванович, ул. Ленина, д. 1';
    const err = await store.db.execute(sql`INSERT INTO no_such_table VALUES (${secret})`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((err as Error).message)).toContain('Иванов'); // the raw error does carry it
    const safe = safeError(err);
    expect(JSON.stringify(safe)).not.toContain('Иванов');
    expect(safe.message).toMatch(/no_such_table/);
    expect(safe.code).toBe('42P01');
  });
});
