import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_METER_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/update-meter.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, SENDER } from './doma-helpers.js';

describe('Doma.ai sandbox: updateMeter archiveDate', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox({ clock: () => new Date('2026-03-15T00:00:00.000Z') });
    token = await login(sb);
  });
  afterAll(() => sb.close());

  const update = (archiveDate: string | null, id: string = SeedIds.meter) =>
    gql(sb, DOC, { id, data: { dv: 1, sender: SENDER, archiveDate } }, token);

  it('ignores a future date silently', async () => {
    const a = await update('2026-04-01T00:00:00.000Z');
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.result).toMatchObject({ id: SeedIds.meter, archiveDate: null });
    expect(sb.writeCount()).toBe(0);
  });

  it('archives with a past date (a time without offset is UTC)', async () => {
    const a = await update('2025-03-01T00:00:00');
    expect(a.body.data.result.archiveDate).toBe('2025-03-01T00:00:00.000Z');
    expect(sb.writeCounts().meters).toBe(1);
  });

  it('does not un-archive with null', async () => {
    const a = await update(null);
    expect(a.body.data.result.archiveDate).toBe('2025-03-01T00:00:00.000Z');
    expect(sb.writeCounts().meters).toBe(1);
  });

  it('answers AccessDenied for an unknown meter', async () => {
    const a = await update('2025-03-01', '00000000-0000-4000-8000-000000000000');
    expect(a.body.errors[0].name).toBe('AccessDeniedError');
  });
});
