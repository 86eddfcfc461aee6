import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '../../src/hub/build-hub.js';
import { readInbox } from '../../src/store/inbox-store.js';
import type { Store } from '../../src/store/open-store.js';
import { SecretBox } from '../../src/store/secret-box.js';
import { createToken } from '../../src/store/token-store.js';
import {
  type DomaFixture,
  putFlats,
  putRecords,
  startDomaFixture,
  syncOnce as syncDoma,
} from '../platforms/doma/e2e/doma-fixture.js';
import {
  startUzhkhFixture,
  syncOnce as syncUzhkh,
  type UzhkhFixture,
} from '../platforms/uzhkh/uzhkh-fixture.js';
import { TEST_SECRET } from '../support/test-hub.js';
import { openTestStore, storeKinds } from '../support/test-stores.js';

/**
 * One organization connected to Doma.ai and «Умное ЖКХ» (both sandboxes, the real connectors): a
 * resident sends the same reading of one meter in both apps — twice in Doma.ai — and the export
 * for 1С has it once, with its three sources.
 */
describe.each(storeKinds)('a reading sent through two platforms, exported once (%s)', (kind) => {
  let store: Store;
  let doma: DomaFixture;
  let uzhkh: UzhkhFixture;
  beforeAll(async () => {
    store = await openTestStore(kind);
    doma = await startDomaFixture(kind, { store });
    uzhkh = await startUzhkhFixture(kind, { store, org: doma.org, settings: { fullDownload: false } });
  });
  afterAll(async () => {
    await uzhkh?.close();
    await doma?.close();
    await store?.close();
  });

  it('pulls it from both and writes one row listing every source', async () => {
    const org = doma.org;
    const [account] = await putFlats(doma, 1);
    // The billing's meter, known to «Умное ЖКХ» by our id (its counters carry the billing's ids).
    const houses = uzhkh.sandbox.seedHouses(1, 1);
    const counterId = houses.counters[0]!;
    await putRecords(doma, 'meter', [
      { id: counterId, accountNumber: account, resource: 'hot_water', number: 'HW-1' },
    ]);
    expect((await syncDoma(doma, { direction: 'outbound' })).state).toBe('succeeded');
    const domaMeter = doma.sandbox.meters().find((m) => m.number === 'HW-1')!;

    const at = new Date('2026-11-20T09:00:00.000Z');
    const sent = [
      doma.sandbox.addResidentReading({ meterId: domaMeter.id, values: ['13.75'], date: at.toISOString() }),
      doma.sandbox.addResidentReading({ meterId: domaMeter.id, values: ['13,75'], date: at.toISOString() }),
    ];
    uzhkh.sandbox.act().submitReading({ counterId, values: ['13.75'], at });
    // Another meter's reading, on «Умное ЖКХ» only, of a meter the billing holds no record of: the
    // row has no лицевой счёт (the platform names only the meter).
    const otherId = houses.counters[1]!;
    const otherSerial = uzhkh.sandbox.world().entities.get('Counter', otherId)?.SerialNumber;
    expect(otherSerial).toMatch(/^SN/);
    uzhkh.sandbox.act().submitReading({ counterId: otherId, values: ['7'], at });

    expect((await syncDoma(doma, { direction: 'inbound' })).state).toBe('succeeded');
    expect((await syncUzhkh(uzhkh, 'inbound')).state).toBe('succeeded');
    const readings = (await readInbox(store.db, org, { after: 0, limit: 100, kind: 'reading' })).items;
    expect(readings.map((r) => r.platform)).toEqual(['doma', 'doma', 'uzhkh', 'uzhkh']);
    const [uzhkhSame, uzhkhOther] = readings.slice(2).map((r) => r.sourceId);

    const hub = await buildHub({ store, box: SecretBox.fromString(TEST_SECRET) });
    const url = await hub.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { token } = await createToken(store.db, { orgId: org, name: '1c' });
      const res = await fetch(`${url}/v1/orgs/${org}/exports/readings?date=2026-11-20`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const lines = iconv.decode(Buffer.from(await res.arrayBuffer()), 'win1251').split('\r\n');
      // Sources in inbox order (Doma.ai pages readings created in the same millisecond by id).
      expect(
        readings
          .slice(0, 2)
          .map((r) => r.sourceId)
          .sort(),
      ).toEqual(sent.map((s) => s.id).sort());
      const domaIds = readings
        .slice(0, 2)
        .map((r) => r.sourceId)
        .join(', ');
      expect(lines).toEqual([
        'Дата;Лицевой счет;Номер ПУ;Код ПУ;Показание;Показание Т2;Показание Т3;Показание Т4;Дата передачи;Платформа;Код в источнике',
        `20.11.2026;${account};HW-1;${counterId};13,75;;;;20.11.2026 12:00:00;doma, doma, uzhkh;${domaIds}, ${uzhkhSame}`,
        `20.11.2026;;${otherSerial};${otherId};7;;;;20.11.2026 12:00:00;uzhkh;${uzhkhOther}`,
        '',
      ]);
    } finally {
      await hub.close();
    }
  });
});
