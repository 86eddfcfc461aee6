import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_METERS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-meters.js';
import { ALL_PROPERTIES_DOCUMENT } from '../../../../src/platforms/doma/contract/all-properties.js';
import { CREATE_METER_DOCUMENT } from '../../../../src/platforms/doma/contract/create-meter.js';
import { DomaMeterResource } from '../../../../src/platforms/doma/contract/meter-resources.js';
import { UPDATE_METER_DOCUMENT } from '../../../../src/platforms/doma/contract/update-meter.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { gql, login, SENDER } from './doma-helpers.js';

const ORG = SeedIds.meterOrganization;

describe('Doma.ai sandbox: meters without readings, every MeterUpdateInput field, staff in the CRM', () => {
  let sb: DomaSandbox;
  let token: string;
  let propertyId: string;
  beforeAll(async () => {
    sb = await startDomaSandbox({ clock: () => new Date('2026-03-15T00:00:00.000Z') });
  });
  beforeEach(async () => {
    sb.reset();
    token = await login(sb);
    const p = await gql(
      sb,
      ALL_PROPERTIES_DOCUMENT,
      { where: { organization: { id: ORG }, deletedAt: null }, first: 10, sortBy: ['id_ASC'] },
      token,
    );
    expect(p.body.data.objs).toEqual([
      expect.objectContaining({ addressMeta: { data: { house_fias_id: SeedIds.houseFias } } }),
    ]);
    propertyId = p.body.data.objs[0].id;
  });
  afterAll(() => sb.close());

  const meterData = (patch: Record<string, unknown> = {}) => ({
    dv: 1,
    sender: SENDER,
    organization: { connect: { id: ORG } },
    property: { connect: { id: propertyId } },
    resource: { connect: { id: DomaMeterResource.hotWater } },
    number: 'HW-1',
    accountNumber: 'K9910000706',
    unitName: '706',
    unitType: 'flat',
    numberOfTariffs: 1,
    verificationDate: '2025-01-10',
    ...patch,
  });
  const create = (patch: Record<string, unknown> = {}) =>
    gql(sb, CREATE_METER_DOCUMENT, { data: meterData(patch) }, token);
  const update = (id: string, data: Record<string, unknown>) =>
    gql(sb, UPDATE_METER_DOCUMENT, { id, data: { dv: 1, sender: SENDER, ...data } }, token);
  const errorOf = (a: {
    body: { errors?: Array<{ name: string; message: string; extensions: Record<string, unknown> }> };
  }) => a.body.errors?.[0];

  it('createMeter makes a meter that has no reading, in the unit and house it names', async () => {
    const a = await create();
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.result).toMatchObject({
      number: 'HW-1',
      unitName: '706',
      property: { id: propertyId },
    });
    expect(sb.meters().find((m) => m.number === 'HW-1')).toMatchObject({
      resourceId: DomaMeterResource.hotWater,
      verificationDate: '2025-01-10T00:00:00.000Z',
      fingerprint: SENDER.fingerprint,
    });
    expect(sb.readings()).toEqual([]);
    expect(sb.writeCounts().meters).toBe(1);
  });

  it('createMeter applies the model’s rules: required fields, number + resource once, one unit per account', async () => {
    const missing = await create({ unitName: undefined });
    expect(errorOf(missing)).toMatchObject({
      name: 'ValidationFailureError',
      extensions: { type: 'REQUIRED_FIELD', messages: ['Required field "unitName" is null or undefined.'] },
    });
    await create();
    const taken = await create({ accountNumber: 'OTHER' });
    expect(errorOf(taken)?.extensions.messages).toEqual([
      '[unique:alreadyExists:number] Meter with same number and resource exist in current organization',
    ]);
    const otherUnit = await create({ number: 'HW-2', unitName: '707' });
    expect(errorOf(otherUnit)?.extensions.type).toBe('ACCOUNT_NUMBER_IN_OTHER_UNIT');
    const house = await create({ number: 'HW-3', property: { connect: { id: 'no-such-house' } } });
    expect(errorOf(house)?.message).toBe('Unable to connect a Meter.property<Property>');
    const automatic = await create({ number: 'HW-4', isAutomatic: true });
    expect(errorOf(automatic)?.extensions.type).toBe('AUTOMATIC_METER_NO_MASTER_APP');
    const readOnly = await create({ number: 'HW-5', v: 7 });
    expect(errorOf(readOnly)?.name).toBe('AccessDeniedError');
    expect(sb.meters().filter((m) => m.number.startsWith('HW-'))).toHaveLength(1);
  });

  it('updateMeter takes every field of MeterUpdateInput: tariffs, place, dates, number — not only archiveDate', async () => {
    const a = await update(SeedIds.meter, {
      numberOfTariffs: 2,
      place: 'Ванная',
      verificationDate: '2025-05-01',
      nextVerificationDate: '2031-05-01T00:00:00.000Z',
      number: '00112299',
      meta: { source: 'billing' },
    });
    expect(a.body.errors).toBeUndefined();
    expect(sb.meters().find((m) => m.id === SeedIds.meter)).toMatchObject({
      numberOfTariffs: 2,
      place: 'Ванная',
      number: '00112299',
      verificationDate: '2025-05-01T00:00:00.000Z',
      nextVerificationDate: '2031-05-01T00:00:00.000Z',
      v: 2,
      fingerprint: SENDER.fingerprint,
    });
    const same = await update(SeedIds.meter, { place: 'Ванная' });
    expect(same.body.errors).toBeUndefined();
    expect(sb.writeCounts().meters).toBe(1); // nothing changed: no write
    const bad = await update(SeedIds.meter, { numberOfTariffs: 5 });
    expect(errorOf(bad)?.extensions.type).toBe('WRONG_NUMBER_OF_TARIFFS');
  });

  it('updateMeter with deletedAt deletes the meter: it answers AccessDenied afterwards', async () => {
    const a = await update(SeedIds.meter, { deletedAt: '2026-03-01T00:00:00.000Z' });
    expect(a.body.errors).toBeUndefined();
    expect(sb.meters()[0]?.deleted).toBe(true);
    const again = await update(SeedIds.meter, { place: 'x' });
    expect(errorOf(again)?.name).toBe('AccessDeniedError');
  });

  it('staff create and archive meters in the CRM (admin routes), with the CRM as the sender', async () => {
    const created = await fetch(`${sb.url}/_sandbox/meters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationId: ORG,
        address: 'г Москва, ул Маломосковская, д 14',
        unitName: '12',
        accountNumber: 'K991',
        number: 'EL-12',
        resource: 'electricity',
        numberOfTariffs: 2,
      }),
    });
    expect(created.status).toBe(201);
    const meter = (await created.json()) as { id: string };
    expect(meter).toMatchObject({ number: 'EL-12', fingerprint: 'condo-crm-staff', archiveDate: null });
    const archived = await fetch(`${sb.url}/_sandbox/meters/archive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meterId: meter.id, archiveDate: '2026-03-10' }),
    });
    expect(await archived.json()).toMatchObject({ archiveDate: '2026-03-10T00:00:00.000Z', v: 2 });
    const listed = await gql(
      sb,
      ALL_METERS_DOCUMENT,
      {
        where: { organization: { id: ORG }, updatedAt_gte: '2026-03-01T00:00:00.000Z' },
        first: 10,
        sortBy: ['updatedAt_ASC'],
      },
      token,
    );
    expect(listed.body.data.objs).toContainEqual(
      expect.objectContaining({ id: meter.id, v: 2, sender: { fingerprint: 'condo-crm-staff' } }),
    );
    const taken = await fetch(`${sb.url}/_sandbox/meters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationId: ORG,
        propertyId,
        unitName: '12',
        accountNumber: 'K991',
        number: 'EL-12',
        resource: 'electricity',
      }),
    });
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as { error: string }).error).toMatch(/same number and resource/);
  });
});
