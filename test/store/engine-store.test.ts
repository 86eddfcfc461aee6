import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckpointConflictError,
  readCheckpoint,
  writeCheckpoint,
} from '../../src/store/checkpoint-store.js';
import { createConnection } from '../../src/store/connection-store.js';
import {
  keyOfPlatformId,
  listIds,
  platformIdOf,
  replacePlatformId,
  upsertIds,
} from '../../src/store/id-map-store.js';
import type { Store } from '../../src/store/open-store.js';
import { upsertOrg } from '../../src/store/org-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { orgFixture, TEST_SECRET } from '../support/test-hub.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

describe.each(storeKinds)('id map and checkpoints on %s', (kind) => {
  let store: Store;
  let conn: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await upsertOrg(store.db, orgFixture('uk-ids') as never);
    conn = (
      await createConnection(store.db, SecretBox.fromString(TEST_SECRET), 'uk-ids', {
        platform: 'testbed',
        name: 'c',
      })
    ).id;
  });
  afterAll(() => store.close());

  it('maps our keys to platform-assigned ids both ways and keeps first/last seen', async () => {
    await upsertIds(store.db, conn, [{ entity: 'receipt', key: 'A/2026-10/main', platformId: 'uuid-1' }]);
    expect(await platformIdOf(store.db, conn, 'receipt', 'A/2026-10/main')).toBe('uuid-1');
    expect(await keyOfPlatformId(store.db, conn, 'receipt', 'uuid-1')).toBe('A/2026-10/main');
    expect(await platformIdOf(store.db, conn, 'meter', 'A/2026-10/main')).toBeUndefined();
    const [row] = await listIds(store.db, conn, { entity: 'receipt', limit: 10 });
    expect(row?.firstSeen).toBeTruthy();
  });

  it('replaces a temporary id by the permanent one', async () => {
    await upsertIds(store.db, conn, [
      { entity: 'object', key: 'hub-obj-1', platformId: '--5', temporary: true },
    ]);
    expect(await replacePlatformId(store.db, conn, 'object', '--5', 'OBJ-77')).toBe(true);
    expect(await keyOfPlatformId(store.db, conn, 'object', '--5')).toBeUndefined();
    expect(await keyOfPlatformId(store.db, conn, 'object', 'OBJ-77')).toBe('hub-obj-1');
    const [row] = await listIds(store.db, conn, { entity: 'object', limit: 10 });
    expect(row?.temporary).toBe(false);
    expect(await replacePlatformId(store.db, conn, 'object', '--404', 'X')).toBe(false);
  });

  it('moves a platform id claimed by another key instead of holding it twice', async () => {
    await upsertIds(store.db, conn, [{ entity: 'meter', key: 'm1', platformId: 'P1' }]);
    await upsertIds(store.db, conn, [{ entity: 'meter', key: 'm2', platformId: 'P1' }]);
    expect(await keyOfPlatformId(store.db, conn, 'meter', 'P1')).toBe('m2');
    expect(await platformIdOf(store.db, conn, 'meter', 'm1')).toBeUndefined();
  });

  it('moves a checkpoint forward only from the revision it was read at', async () => {
    expect(await readCheckpoint(store.db, conn, 's')).toBeUndefined();
    const rev1 = await writeCheckpoint(store.db, conn, 's', { version: 1, value: { lastId: 'a' } }, 0);
    const rev2 = await writeCheckpoint(store.db, conn, 's', { version: 1, value: { lastId: 'b' } }, rev1);
    expect(rev2).toBe(rev1 + 1);
    // A stale writer that read rev1 cannot move it back.
    await expect(
      writeCheckpoint(store.db, conn, 's', { version: 1, value: { lastId: 'a2' } }, rev1),
    ).rejects.toThrow(CheckpointConflictError);
    await expect(writeCheckpoint(store.db, conn, 's', { version: 1, value: null }, 0)).rejects.toThrow(
      CheckpointConflictError,
    );
    expect((await readCheckpoint(store.db, conn, 's'))?.value).toEqual({ lastId: 'b' });
  });
});
