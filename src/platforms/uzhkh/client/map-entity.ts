import { createHash } from 'node:crypto';
import type { InboundItem } from '../../../engine/connector/connector.js';
import type { Account } from '../contract/account.js';
import type { Car } from '../contract/car.js';
import type { Counter } from '../contract/counter.js';
import type { Doc } from '../contract/doc.js';
import type { EntityName } from '../contract/entities.js';
import type { Obj } from '../contract/obj.js';
import type { Payment } from '../contract/payment.js';
import type { Person } from '../contract/person.js';
import type { Request } from '../contract/request.js';
import type { RequestToObjectAdding } from '../contract/request-to-object-adding.js';
import type { RequestToRegister } from '../contract/request-to-register.js';
import { committedMeters } from './committed-meters.js';
import { idEntityOf, type ResolvedId } from './stable-ids.js';
import type { UzhkhContext } from './uzhkh-context.js';
import { wireToHub } from './wire-to-hub.js';

/** Where a snapshot came from: a queue record (its guid) or a page of a full download. */
export type Origin = { guid: string } | { list: string };

export interface MappedEntity {
  items: InboundItem[];
  /** The hub's id for a `--` object, to send as `objectId` on Delete (`hub` mode). */
  objectId?: string;
  /** With `objectId`: the object's SetId type and its temporary id (for a download, see there). */
  assigned?: { type: string; temporaryId: string };
}

/**
 * One parsed snapshot → inbox items, each with the billing-facing fields of its inbox kind and
 * `source` {platform, guid, entity, ids, record}. Inbox source ids make redelivery a no-op:
 * - a queue record's guid (the same change comes again until Delete),
 * - a download item's content (`dl:<entity>:<id>:<hash>`: an unchanged re-download adds nothing),
 * - a meter's attributes (a Counter snapshot without its reading): the meter lands when it changes,
 * - a reading's meter, date and values, so the reading inside a Counter snapshot lands once however
 *   many snapshots (queue or download) repeat it — a reading is new only when its values or date change,
 * - a payment's id: a payment seen by the download and again in the queue is one payment.
 */
export function mapEntity(
  ctx: UzhkhContext,
  entity: EntityName,
  snapshot: Record<string, unknown>,
  origin: Origin,
  read: { resolved: ResolvedId; platformId: string; original?: Record<string, unknown> | undefined },
): MappedEntity {
  const { resolved } = read;
  const id = resolved.id;
  const guid = 'guid' in origin ? origin.guid : null;
  const changeId =
    guid ??
    `dl:${entity}:${id}:${createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 16)}`;
  // `record` is the snapshot as the hub reads it (values in the document's formats, references as
  // the billing knows them); `original` keeps what the platform sent where that differs.
  const source = {
    platform: 'uzhkh',
    guid,
    entity,
    ids: { uzhkh: read.platformId, id },
    record: snapshot,
    ...(read.original ? { original: read.original } : {}),
  };
  const zone = ctx.connection.settings.timeZone;
  const item = (kind: string, sourceId: string, fields: Record<string, unknown>): InboundItem => ({
    kind,
    sourceId,
    payload: { sourceId, ...dropUndefined(fields), source },
  });
  const items: InboundItem[] = [];
  switch (entity) {
    case 'Counter': {
      const c = snapshot as Counter;
      const meter = {
        meterId: id,
        meterNumber: c.SerialNumber ?? undefined,
        counterType: c.CounterTypeIdentifier,
        flatId: c.FlatId,
      };
      // The meter itself lands when its attributes change, not with every reading it carries.
      const { Value1: _v1, Value2: _v2, Value3: _v3, DateTimeForValue: _at, ...attributes } = c;
      const meterSourceId = `meter:${id}:${contentHash(attributes)}`;
      if (!committedMeters(ctx).has(meterSourceId)) items.push(item('meter', meterSourceId, meter));
      const date = wireToHub.date(c.DateTimeForValue);
      if (date) {
        const values = [c.Value1, c.Value2, c.Value3].map((v) => wireToHub.decimal(v));
        items.push(
          item('reading', `${id}@${c.DateTimeForValue}:${values.map((v) => v ?? '').join(':')}`, {
            ...meter,
            date,
            occurredAt: wireToHub.instant(c.DateTimeForValue, zone),
            value1: values[0],
            value2: values[1],
            value3: values[2],
          }),
        );
      }
      break;
    }
    case 'Payment': {
      const p = snapshot as Payment;
      const money = wireToHub.money(p.Sum);
      items.push(
        item('payment', `payment:${id}`, {
          paymentId: id,
          accountNumber: p.AccountNumber,
          accountId: p.AccountId,
          occurredAt: wireToHub.instant(p.DateTime, zone),
          amount: money.amount,
          amountKopecks: money.kopecks,
          period: wireToHub.period(p.AccrualDate),
        }),
      );
      break;
    }
    case 'Request': {
      const r = snapshot as Request;
      items.push(
        item('ticket', changeId, {
          ticketId: id,
          number: r.Number,
          title: r.Title,
          text: r.Description ?? undefined,
          status: r.Status,
          accountNumber: r.AccountNumber,
          accountId: r.AccountId,
          residentId: r.ResidentId,
          flatId: r.FlatId,
          occurredAt: wireToHub.instant(r.CreationDate, zone),
        }),
      );
      break;
    }
    case 'Doc': {
      const d = snapshot as Doc;
      items.push(
        item('document', changeId, {
          documentId: id,
          type: d.TypeName,
          title: d.Title,
          occurredAt: wireToHub.instant(d.Date, zone),
        }),
      );
      break;
    }
    case 'RequestToRegister': {
      const r = snapshot as RequestToRegister;
      items.push(
        item('registration_request', changeId, {
          requestId: id,
          flatId: r.FlatId,
          accountNumber: r.AccountNumber,
          fullName: [r.Surname, r.Name, r.Patronymic].filter(Boolean).join(' '),
          phone: r.Phone,
          email: r.Email,
        }),
      );
      break;
    }
    case 'RequestToObjectAdding': {
      const r = snapshot as RequestToObjectAdding;
      items.push(
        item('object_adding_request', changeId, {
          requestId: id,
          flatId: r.FlatId,
          residentId: r.ResidentId,
        }),
      );
      break;
    }
    case 'Car': {
      const c = snapshot as Car;
      items.push(
        item('car', changeId, {
          carId: id,
          residentId: c.ResidentId,
          plate: c.Number,
          model: `${c.Brand} ${c.Model}`.trim(),
        }),
      );
      break;
    }
    case 'Account': {
      const a = snapshot as Account;
      const balance = wireToHub.money(a.Balance);
      items.push(
        item('account', changeId, {
          accountId: id,
          accountNumber: a.AccountNumber,
          active: a.IsActive,
          objectId: a.ApartmentID,
          balance: balance.amount,
          balanceKopecks: balance.kopecks,
          persons: (a.Persons ?? []).length,
        }),
      );
      break;
    }
    case 'Resident': {
      const r = snapshot as Person;
      items.push(
        item('resident', changeId, {
          residentId: id,
          phone: r.Phone ?? undefined,
          email: r.Email ?? undefined,
        }),
      );
      break;
    }
    case 'Obj': {
      const o = snapshot as Obj;
      items.push(
        item('object', changeId, {
          objectId: id,
          houseId: o.HouseId,
          address: o.Address,
          premiseNumber: o.FlatNumber,
          type: o.TypeObject,
        }),
      );
      break;
    }
  }
  // Id-map entries travel with the first item: the engine writes them in the page's transaction.
  if (items[0] && resolved.ids.length > 0) items[0].ids = resolved.ids;
  if (!resolved.objectId) return { items };
  return {
    items,
    objectId: resolved.objectId,
    assigned: { type: idEntityOf(entity, snapshot), temporaryId: read.platformId },
  };
}

function dropUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
