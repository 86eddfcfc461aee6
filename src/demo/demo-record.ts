import type { z } from 'zod';
import type { EntityKindName, entityKinds } from '../domain/entity-kinds.js';
import type { Recipient } from '../domain/model/bank-details.js';
import type { Organization } from '../domain/model/organization.js';

/** The demo data is produced in the API input form, exactly what a billing would send to the hub. */
type InputOf<K extends EntityKindName> = z.input<(typeof entityKinds)[K]['schema']>;

/** One generated record with its kind; `record` is in the schema's API input form. */
export type DemoRecord = { [K in EntityKindName]: { kind: K; record: InputOf<K> } }[EntityKindName];

export type OrganizationInput = z.input<typeof Organization>;
export type RecipientInput = z.input<typeof Recipient>;
