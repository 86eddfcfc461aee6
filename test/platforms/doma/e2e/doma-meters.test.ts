import { describe, expect, it } from 'vitest';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import { listIds } from '../../../../src/store/id-map-store.js';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, syncOnce } from './doma-fixture.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(storeKinds)('Doma.ai meters and readings end to end (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('registers readings with their meters, archives a meter whose day has come, defers a future one', async () => {
    const f = await suite.start();
    const [a1, a2, a3] = await putFlats(f, 3);
    await putRecords(f, 'meter', [
      {
        id: 'm1',
        accountNumber: a1,
        resource: 'cold_water',
        number: 'CW-1',
        place: 'Кухня',
        verificationDate: '2023-05-01',
      },
      { id: 'm2', accountNumber: a2, resource: 'electricity', number: 'EL-2', tariffCount: 2 },
      { id: 'm3', accountNumber: a2, resource: 'other', number: 'X-3' },
      { id: 'm4', accountNumber: a3, resource: 'hot_water', number: 'HW-4', archiveDate: day(-1) },
      { id: 'm5', accountNumber: a3, resource: 'cold_water', number: 'CW-5', archiveDate: day(+30) },
    ]);
    await putRecords(f, 'reading', [
      { meterId: 'm1', date: '2024-05-25', value1: '12.5' },
      { meterId: 'm2', date: '2024-05-25', value1: '100', value2: '50.25' },
      { meterId: 'm3', date: '2024-05-25', value1: '1' },
      { meterId: 'm4', date: '2024-05-20', value1: '7' },
      { meterId: 'm5', date: '2024-05-20', value1: '8' },
      { meterId: 'nope', date: '2024-05-20', value1: '9' },
    ]);
    const run = await syncOnce(f, { kinds: ['reading', 'meter'] });
    expect(run.state).toBe('partial');
    const errors = await listRecordErrors(f.store.db, f.org, { connectionId: f.connectionId, limit: 10 });
    expect(Object.fromEntries(errors.map((e) => [e.key, e.code]))).toEqual({
      'm3/2024-05-25': 'resource_unmapped',
      m3: 'resource_unmapped',
      'nope/2024-05-20': 'meter_unknown',
    });

    const ours = f.sandbox.meters().filter((m) => m.number !== '00112233');
    const byNumber = new Map(ours.map((m) => [m.number, m]));
    expect([...byNumber.keys()].sort()).toEqual(['CW-1', 'CW-5', 'EL-2', 'HW-4']);
    expect(byNumber.get('CW-1')).toMatchObject({
      accountNumber: a1,
      resourceId: DomaMeterResource.coldWater,
      unitName: '1',
      unitType: 'flat',
      place: 'Кухня',
    });
    expect(byNumber.get('EL-2')?.numberOfTariffs).toBe(2);
    expect(byNumber.get('HW-4')?.archiveDate?.slice(0, 10)).toBe(day(-1));
    expect(byNumber.get('CW-5')?.archiveDate).toBeNull(); // deferred until its day
    const readings = f.sandbox.readings().filter((r) => ours.some((m) => m.id === r.meterId));
    expect(readings).toHaveLength(4);
    expect(readings.find((r) => r.meterId === byNumber.get('EL-2')?.id)?.values.slice(0, 2)).toEqual([
      expect.stringMatching(/^100(\.0+)?$/),
      expect.stringMatching(/^50\.250*$/),
    ]);

    // Every meter the platform has is in the id map, found by number, account and resource.
    const meterIds = await listIds(f.store.db, f.connectionId, { entity: 'meter', limit: 10 });
    expect(Object.fromEntries(meterIds.map((i) => [i.key, i.platformId]))).toEqual({
      m1: byNumber.get('CW-1')?.id,
      m2: byNumber.get('EL-2')?.id,
      m4: byNumber.get('HW-4')?.id,
      m5: byNumber.get('CW-5')?.id,
    });
    const readingIds = await listIds(f.store.db, f.connectionId, { entity: 'reading', limit: 10 });
    expect(readingIds).toHaveLength(4);

    const writes = f.sandbox.writeCount();
    const again = await syncOnce(f, { kinds: ['reading', 'meter'] });
    expect(again.requests).toBe(0);
    expect(f.sandbox.writeCount()).toBe(writes);
  });
});
