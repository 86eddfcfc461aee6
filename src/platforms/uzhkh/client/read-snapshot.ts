import { createHash } from 'node:crypto';
import type { InboundItem } from '../../../engine/connector/connector.js';
import { ENTITIES, type EntityName } from '../contract/entities.js';
import { Unreadable } from '../contract/wire-readers.js';
import type { IdResolver } from './id-resolver.js';
import { type MappedEntity, mapEntity, type Origin } from './map-entity.js';
import { resolveId } from './stable-ids.js';
import { translateReferences } from './translate-references.js';
import type { UzhkhContext } from './uzhkh-context.js';

/** The inbox kind of what could not be read: kept whole, with the reason, for a person to look at. */
export const INVALID_KIND = 'uzhkh_invalid';

/**
 * Reads one entity snapshot and maps it. Nothing is dropped without a trace:
 * - a snapshot that breaks the contract — a required field missing or unreadable, a value the hub
 *   cannot keep exactly — becomes one `uzhkh_invalid` inbox item naming the record and the field,
 *   and is still acknowledged (the raw snapshot is in the item, so nothing is lost);
 * - an optional field whose value cannot be read (wire-readers.ts) is left out and the rest lands,
 *   with one `uzhkh_invalid` item naming the record, the field and the value beside it — so a Counter
 *   whose `DateTimeForValue` is not a date lands as a meter, and its reading as that item;
 * - values read leniently and references translated (translate-references.ts) are what the record
 *   says; `source.original` keeps what the platform sent where it differs.
 */
export async function readSnapshot(
  ctx: UzhkhContext,
  resolver: IdResolver,
  entity: EntityName,
  raw: unknown,
  origin: Origin,
  where: string,
): Promise<MappedEntity> {
  const parsed = ENTITIES[entity].schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = [entity, ...(issue?.path ?? [])].join('.');
    return {
      items: [invalidItem(origin, entity, raw, `${where}: ${field}: ${issue?.message ?? 'invalid'}`)],
    };
  }
  const { record: readable, unreadable } = takeUnreadable(parsed.data as Record<string, unknown>);
  const refs = await translateReferences(resolver, entity, readable);
  const snapshot = refs.record as { Id: string; TypeName?: unknown };
  let mapped: MappedEntity;
  try {
    const own = await resolveId(ctx, resolver, entity, snapshot);
    const resolved = { ...own, ids: [...own.ids, ...refs.ids] };
    const record = own.id === snapshot.Id ? refs.record : { ...refs.record, Id: own.id };
    const original = originalValues(raw as Record<string, unknown>, record);
    mapped = mapEntity(ctx, entity, record, origin, { resolved, platformId: snapshot.Id, original });
  } catch (error) {
    return { items: [invalidItem(origin, entity, raw, `${where}: ${entity}: ${(error as Error).message}`)] };
  }
  if (unreadable.length > 0) {
    const error = unreadable.map((u) => `${where}: ${entity}.${u.field}: ${u.error}`).join('; ');
    const fields = unreadable.map((u) => ({ field: `${entity}.${u.field}`, value: u.value, error: u.error }));
    mapped.items.push(
      invalidItem(origin, entity, raw, `${error}; the rest of the record landed without it`, fields),
    );
  }
  return mapped;
}

interface UnreadableField {
  field: string;
  value: unknown;
  error: string;
}

/** Takes the unreadable optional values out of a parsed snapshot (and of its lists' items): `null` in their place. */
function takeUnreadable(data: Record<string, unknown>): {
  record: Record<string, unknown>;
  unreadable: UnreadableField[];
} {
  const unreadable: UnreadableField[] = [];
  const clean = (row: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    let out = row;
    for (const [key, value] of Object.entries(row)) {
      let next = value;
      if (value instanceof Unreadable) {
        unreadable.push({ field: `${prefix}${key}`, value: value.value, error: value.error });
        next = null;
      } else if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
        const items = value.map((v, i) =>
          typeof v === 'object' && v !== null && !Array.isArray(v)
            ? clean(v as Record<string, unknown>, `${prefix}${key}.${i}.`)
            : v,
        );
        if (items.some((v, i) => v !== value[i])) next = items;
      }
      if (next !== value) out = { ...out, [key]: next };
    }
    return out;
  };
  return { record: clean(data, ''), unreadable };
}

/**
 * What the platform sent in the fields whose value the hub reads differently (a date written out, a
 * `--` id translated, an unreadable value left out), by field path; undefined when there are none.
 * A number sent for a string id is the same value.
 */
function originalValues(
  raw: Record<string, unknown>,
  read: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const walk = (sent: Record<string, unknown>, got: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(got)) {
      const before = sent[key];
      if (isEmpty(before) && isEmpty(value)) continue;
      if (Array.isArray(value) && Array.isArray(before)) {
        value.forEach((v, i) => {
          const b = before[i];
          if (isRow(v) && isRow(b)) walk(b, v, `${prefix}${key}.${i}.`);
        });
      } else if (
        before !== undefined &&
        !isRow(value) &&
        !isRow(before) &&
        String(before) !== String(value)
      ) {
        out[`${prefix}${key}`] = before;
      }
    }
  };
  walk(raw, read, '');
  return Object.keys(out).length > 0 ? out : undefined;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

function isRow(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function invalidItem(
  origin: Origin | undefined,
  entity: string | null,
  raw: unknown,
  error: string,
  fields?: UnreadableField[],
): InboundItem {
  const guid = origin && 'guid' in origin ? origin.guid : null;
  const sourceId =
    guid ??
    `invalid:${createHash('sha256')
      .update(JSON.stringify(raw) ?? 'null')
      .digest('hex')
      .slice(0, 24)}`;
  return {
    kind: INVALID_KIND,
    sourceId,
    payload: {
      sourceId,
      error,
      ...(fields ? { fields } : {}),
      source: { platform: 'uzhkh', guid, entity, record: raw },
    },
  };
}
