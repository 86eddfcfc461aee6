import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import { REGISTER_METERS_READINGS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-meters-readings.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, SENDER } from './doma-helpers.js';

const ORG = SeedIds.organizations[0];

function reading(n: number, patch: Record<string, unknown> = {}) {
  return {
    address: 'Маломосковская ул, дом № 14',
    addressInfo: { unitType: 'flat', unitName: String(n), globalId: SeedIds.houseFias },
    accountNumber: `ACC-${n}`,
    meterNumber: `M-${n}`,
    meterResource: { id: DomaMeterResource.coldWater },
    date: '2025-06-17',
    value1: '12.5',
    ...patch,
  };
}

describe('Doma.ai sandbox: registerMetersReadings', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox({ clock: () => new Date('2026-03-01T00:00:00.000Z') });
  });
  beforeEach(async () => {
    sb.reset();
    token = await login(sb);
  });
  afterAll(() => sb.close());

  const send = (readings: unknown[], organizationId: string = ORG) =>
    gql(sb, DOC, { data: { dv: 1, sender: SENDER, organization: { id: organizationId }, readings } }, token);
  const types = (a: { body: { errors?: Array<{ extensions: { type: string } }> } }) =>
    (a.body.errors ?? []).map((e) => e.extensions.type);

  it('creates the meter and the reading and answers the meter with its house', async () => {
    const a = await send([
      reading(1, { meterMeta: { numberOfTariffs: 1, place: 'Кухня', verificationDate: '2024-01-01' } }),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.result[0]).toMatchObject({
      id: expect.any(String),
      meter: {
        number: 'M-1',
        accountNumber: 'ACC-1',
        unitType: 'flat',
        unitName: '1',
        property: { addressKey: SeedIds.houseFias },
      },
    });
    expect(sb.meters().find((m) => m.number === 'M-1')).toMatchObject({
      place: 'Кухня',
      verificationDate: '2024-01-01T00:00:00.000Z',
    });
  });

  it('checks rows in the documented order and keeps the good ones', async () => {
    const a = await send([
      reading(1, { accountNumber: ' ', meterNumber: '', date: 'bad' }),
      reading(2, { meterNumber: ' ', date: 'bad' }),
      reading(3, { date: '2025-06-17T10:00:00+03:00' }),
      reading(4, { address: 'Другая ул, 1', addressInfo: { unitType: 'flat', unitName: '4' }, value1: '-1' }),
      reading(5, { value1: 'abc' }),
      reading(6, { value1: '7,25' }),
      reading(7, { date: '2026-04-01' }),
    ]);
    expect(types(a)).toEqual([
      'INVALID_ACCOUNT_NUMBER',
      'INVALID_METER_NUMBER',
      'INVALID_DATE',
      'PROPERTY_NOT_FOUND',
      'INVALID_METER_VALUES',
      'METER_READING_DATE_IN_FUTURE',
    ]);
    expect(a.body.errors.map((e: { path: unknown[] }) => e.path)).toEqual([
      ['result', 0],
      ['result', 1],
      ['result', 2],
      ['result', 3],
      ['result', 4],
      ['result', 6],
    ]);
    expect(a.body.data.result[5]).not.toBeNull();
    expect(sb.readings().map((r) => r.values[0])).toEqual(['7.25']);
  });

  it('accepts the full ISO form with milliseconds and Z', async () => {
    const a = await send([reading(1, { date: '2025-06-17T10:00:00.000Z' })]);
    expect(a.body.errors).toBeUndefined();
  });

  it('returns the existing reading for the same meter and values whatever the date, without a write', async () => {
    const a = await send([reading(1)]);
    const writes = sb.writeCount();
    const b = await send([reading(1, { date: '2025-07-01', value1: '12.50' })]);
    expect(b.body.data.result[0].id).toBe(a.body.data.result[0].id);
    expect(sb.writeCount()).toBe(writes);
    const c = await send([reading(1, { value1: '13' })]);
    expect(c.body.data.result[0].id).not.toBe(a.body.data.result[0].id);
    expect(sb.readings()).toHaveLength(2);
  });

  it('enforces the meter’s tariffs and the organization’s meter numbers and accounts', async () => {
    await send([reading(1, { meterMeta: { numberOfTariffs: 2 }, value2: '1' })]);
    const a = await send([
      reading(1, { value1: '20' }),
      reading(2, { meterMeta: { numberOfTariffs: 5 } }),
      reading(3, { meterNumber: 'M-1' }),
      reading(4, { accountNumber: 'ACC-1' }),
    ]);
    expect(types(a)).toEqual([
      'WRONG_NUMBER_OF_VALUES',
      'WRONG_NUMBER_OF_TARIFFS',
      'METER_NUMBER_TAKEN',
      'ACCOUNT_NUMBER_IN_OTHER_UNIT',
    ]);
  });

  it('refuses more than 500 readings and an unknown organization for the whole call', async () => {
    const many = await send(Array.from({ length: 501 }, (_, i) => reading(i)));
    expect(many.body.data.result).toBeNull();
    expect(types(many)).toEqual(['TOO_MUCH_READINGS']);
    const unknown = await send([reading(1)], '00000000-0000-4000-8000-000000000000');
    expect(types(unknown)).toEqual(['ORGANIZATION_NOT_FOUND']);
    expect(sb.writeCount()).toBe(0);
  });

  it('crashes the whole request on a null inside addressInfo, as the platform does', async () => {
    const a = await send([reading(1), reading(2, { addressInfo: { unitType: 'flat', unitName: null } })]);
    expect(a.body.data.result).toBeNull();
    expect(a.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(sb.readings()).toHaveLength(0);
  });
});
