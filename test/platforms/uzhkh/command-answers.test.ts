import { afterEach, describe, expect, it } from 'vitest';
import type { WireRecord } from '../../../src/engine/connector/connector.js';
import { AuthRejectedError, PlatformHttpError } from '../../../src/engine/policy/platform-errors.js';
import { ID_ASSIGNMENT_KIND } from '../../../src/platforms/uzhkh/client/uzhkh-commands.js';
import { uzhkhConnector } from '../../../src/platforms/uzhkh/client/uzhkh-connector.js';
import {
  startUzhkhSandbox,
  type UzhkhSandbox,
} from '../../../src/platforms/uzhkh/sandbox/start-uzhkh-sandbox.js';
import { contextFor } from './uzhkh-fixture.js';

const setIds = uzhkhConnector.outbound.find((s) => s.kind === ID_ASSIGNMENT_KIND)!;
const record = (payload: Record<string, string>): WireRecord => ({
  key: `conn-1/${payload.type}/${payload.uzhkhId}`,
  op: 'upsert',
  payload: { connectionId: 'conn-1', ...payload },
});

describe('«Умное ЖКХ» SetId answers', () => {
  let sb: UzhkhSandbox | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('maps success, notFound, unknownType and noData to outcomes; 403 and 500 to whole-call errors', async () => {
    sb = await startUzhkhSandbox();
    const houses = sb.seedHouses(1, 1);
    const meter = sb.act().createMeter({ flatId: houses.flats[0]!, type: 'Gas' });
    const ctx = contextFor(sb);
    const outcomes = await setIds.deliver(
      [
        record({ type: 'counter', uzhkhId: meter.id, externalId: 'G-1' }),
        record({ type: 'counter', uzhkhId: '--77', externalId: 'G-2' }),
        record({ type: 'garage', uzhkhId: meter.id, externalId: 'G-3' }),
        record({ type: 'counter', uzhkhId: 'G-1', externalId: '' }),
      ],
      ctx,
    );
    expect(outcomes).toEqual([
      { status: 'ok' },
      { status: 'rejected', code: 'uzhkh_not_found', message: expect.stringContaining('SetId notFound') },
      { status: 'rejected', code: 'uzhkh_unknown_type', message: expect.stringContaining('unknownType') },
      { status: 'rejected', code: 'uzhkh_no_data', message: expect.stringContaining('noData') },
    ]);
    expect(sb.world().entities.get('Counter', 'G-1')).toBeDefined();
    sb.setFaults({ errorRate: 1 });
    await expect(
      setIds.deliver([record({ type: 'counter', uzhkhId: 'G-1', externalId: 'G-4' })], ctx),
    ).rejects.toBeInstanceOf(PlatformHttpError);
    const wrongToken = contextFor(sb, {}, { token: 'nope' });
    await expect(
      setIds.deliver([record({ type: 'counter', uzhkhId: 'G-1', externalId: 'G-4' })], wrongToken),
    ).rejects.toBeInstanceOf(AuthRejectedError);
  });

  it('skips commands of other connections and withdrawn ones', async () => {
    sb = await startUzhkhSandbox();
    const rows = [
      { key: 'a', data: { connectionId: 'conn-1', type: 'counter' }, deleted: false },
      { key: 'b', data: { connectionId: 'conn-2', type: 'counter' }, deleted: false },
      { key: 'c', data: { connectionId: 'conn-1', type: 'counter' }, deleted: true },
    ];
    const wire = await setIds.toWire(rows, contextFor(sb));
    expect(wire.records.map((r) => r.key)).toEqual(['a']);
  });
});
