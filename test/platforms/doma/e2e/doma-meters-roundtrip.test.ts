import { describe, expect, it } from 'vitest';
import { InboundMeter } from '../../../../src/domain/model/inbound.js';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import { getConnection, updateConnection } from '../../../../src/store/connection-store.js';
import { listIds } from '../../../../src/store/id-map-store.js';
import { readInbox } from '../../../../src/store/inbox-store.js';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { DOMA_ORG, domaSuite, putFlats, putRecords, syncOnce } from './doma-fixture.js';

describe.each(storeKinds)('Doma.ai meters round trip (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('a meter with no reading yet reaches the platform, in its flat and house, and its changes follow', async () => {
    const f = await suite.start();
    const [a1] = await putFlats(f, 1);
    await putRecords(f, 'meter', [
      {
        id: 'm1',
        accountNumber: a1,
        resource: 'hot_water',
        number: 'HW-NEW',
        verificationDate: '2025-02-01',
      },
    ]);
    const run = await syncOnce(f, { kinds: ['meter'] });
    expect(run.lastError).toBeNull();
    expect(run.state).toBe('succeeded');
    const meter = f.sandbox.meters().find((m) => m.number === 'HW-NEW');
    expect(meter).toMatchObject({
      accountNumber: a1,
      resourceId: DomaMeterResource.hotWater,
      unitName: '1',
      unitType: 'flat',
      numberOfTariffs: 1,
      verificationDate: '2025-02-01T00:00:00.000Z',
      fingerprint: 'zhkh-bridge',
    });
    expect(f.sandbox.readings().filter((r) => r.meterId === meter?.id)).toEqual([]);
    const ids = await listIds(f.store.db, f.connectionId, { entity: 'meter', limit: 5 });
    expect(ids.map((i) => [i.key, i.platformId])).toEqual([['m1', meter?.id]]);

    const writes = f.sandbox.writeCount();
    expect((await syncOnce(f, { kinds: ['meter'] })).requests).toBe(0);
    expect(f.sandbox.writeCount()).toBe(writes);

    // A verification in the billing reaches the platform without waiting for a reading.
    await putRecords(f, 'meter', [
      {
        id: 'm1',
        accountNumber: a1,
        resource: 'hot_water',
        number: 'HW-NEW',
        verificationDate: '2025-09-01',
        place: 'Ванная',
      },
    ]);
    expect((await syncOnce(f, { kinds: ['meter'] })).state).toBe('succeeded');
    expect(f.sandbox.meters().find((m) => m.id === meter?.id)).toMatchObject({
      verificationDate: '2025-09-01T00:00:00.000Z',
      place: 'Ванная',
    });
    // Its first reading later attaches to the meter that is already there.
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2025-10-01', value1: '3' }]);
    expect((await syncOnce(f, { kinds: ['reading'] })).state).toBe('succeeded');
    expect(f.sandbox.meters().filter((m) => m.number === 'HW-NEW')).toHaveLength(1);
    expect(f.sandbox.readings().filter((r) => r.meterId === meter?.id)).toHaveLength(1);
  });

  it('a meter whose house Doma.ai lacks is refused by name; settings.propertyIds connects it', async () => {
    const f = await suite.start();
    await putRecords(f, 'house', [{ id: 'h-far', address: 'г Тверь, ул Лесная, д 1' }]);
    await putRecords(f, 'premise', [{ id: 'pf', houseId: 'h-far', number: '5' }]);
    await putRecords(f, 'account', [{ number: '555', premiseId: 'pf' }]);
    await putRecords(f, 'meter', [{ id: 'mf', accountNumber: '555', resource: 'gas', number: 'G-5' }]);
    expect((await syncOnce(f, { kinds: ['meter'] })).state).toBe('partial');
    const errors = await listRecordErrors(f.store.db, f.org, { limit: 5 });
    expect(errors.map((e) => [e.key, e.code])).toEqual([['mf', 'property_not_found']]);
    expect(errors[0]?.message).toMatch(/г Тверь, ул Лесная, д 1.*propertyIds/);

    // The operator maps the house to the platform's property, then retries the refused meter.
    const property = f.sandbox.state().properties.find((p) => p.organizationId === DOMA_ORG)!;
    const conn = await getConnection(f.store.db, undefined, f.org, f.connectionId);
    await updateConnection(f.store.db, undefined, f.org, f.connectionId, {
      settings: { ...(conn?.settings as object), propertyIds: { 'h-far': property.id } },
    });
    const { runs } = await f.engine.resend(f.org, f.connectionId, { kind: 'meter', onlyFailed: true });
    expect((await f.engine.execute(runs[0]!.id)).state).toBe('succeeded');
    expect(f.sandbox.meters().find((m) => m.number === 'G-5')?.propertyId).toBe(property.id);
  });

  it('meters the УК’s staff create or archive in the CRM reach the inbox, once each; ours do not', async () => {
    const f = await suite.start();
    const [a1, a2] = await putFlats(f, 2);
    await putRecords(f, 'meter', [{ id: 'm1', accountNumber: a1, resource: 'cold_water', number: 'CW-1' }]);
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2025-05-01', value1: '1' }]);
    expect((await syncOnce(f, { direction: 'outbound' })).state).toBe('succeeded');
    const ours = f.sandbox.meters().find((m) => m.number === 'CW-1')!;

    const added = f.sandbox.addStaffMeter({
      organizationId: DOMA_ORG,
      address: 'г Москва, ул Маломосковская, д 14',
      unitName: '2',
      accountNumber: `л/с ${a2}`,
      number: 'EL-STAFF',
      resource: 'electricity',
      numberOfTariffs: 2,
    });
    f.sandbox.archiveMeterAsStaff({ meterId: ours.id });

    expect((await syncOnce(f, { direction: 'inbound' })).state).toBe('succeeded');
    const inbox = await readInbox(f.store.db, f.org, { limit: 20, kind: 'meter' });
    for (const i of inbox.items) expect(InboundMeter.safeParse(i.payload).success).toBe(true);
    const byNumber = Object.fromEntries(
      inbox.items.map((i) => [(i.payload as { meterNumber: string }).meterNumber, i.payload]),
    );
    expect(Object.keys(byNumber).sort()).toEqual(['CW-1', 'EL-STAFF']);
    expect(byNumber['EL-STAFF']).toMatchObject({
      change: 'created',
      platformMeterId: added.id,
      accountNumber: a2, // cleaned of «л/с» like the billing's accounts
      resource: 'electricity',
      unitName: '2',
      tariffCount: 2,
    });
    expect(byNumber['CW-1']).toMatchObject({
      change: 'archived',
      meterId: 'm1',
      accountNumber: a1,
      archiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    const again = await syncOnce(f, { direction: 'inbound' });
    expect(again.received).toBeGreaterThanOrEqual(2); // the overlap window reads them again…
    expect((await readInbox(f.store.db, f.org, { limit: 20, kind: 'meter' })).items).toHaveLength(2); // …adds nothing

    // Our own later writes to a meter staff touched are ours again: not news for the billing.
    await putRecords(f, 'meter', [
      { id: 'm1', accountNumber: a1, resource: 'cold_water', number: 'CW-1', place: 'Коридор' },
    ]);
    await putRecords(f, 'reading', [{ meterId: 'm1', date: '2025-06-01', value1: '2' }]);
    expect((await syncOnce(f, { direction: 'outbound' })).state).toBe('succeeded');
    expect(f.sandbox.meters().find((m) => m.id === ours.id)).toMatchObject({
      place: 'Коридор',
      fingerprint: 'zhkh-bridge',
    });
    expect((await syncOnce(f, { direction: 'inbound' })).state).toBe('succeeded');
    expect((await readInbox(f.store.db, f.org, { limit: 20, kind: 'meter' })).items).toHaveLength(2);
  });
});
