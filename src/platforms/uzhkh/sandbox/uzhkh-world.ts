import { ENTITIES, type EntityName, setIdTypeOf } from '../contract/entities.js';
import { isTemporaryId, TEMP_ID_PREFIX } from '../contract/uzhkh-paths.js';
import { ChangeQueue } from './change-queue.js';
import { EntityStore, type Snapshot } from './entity-store.js';
import type { RequestState } from './request-state.js';

/** SetId types → the entity they name (seed 001 §"Присвоение Id"); documents by their TypeName. */
const SET_ID_ENTITY: Record<string, EntityName> = {
  counter: 'Counter',
  resident: 'Resident',
  payment: 'Payment',
  account: 'Account',
  request: 'Request',
  object: 'Obj',
  article: 'Doc',
  news: 'Doc',
  notice: 'Doc',
};

/**
 * The platform's data: current objects, the change queue, registration requests' states. Every
 * change of an object goes through `change`, which queues its full snapshot (seed 001 §"Отправка
 * данных": "при каждом изменении … добавляется запись").
 */
export class UzhkhWorld {
  readonly entities = new EntityStore();
  readonly queue = new ChangeQueue();
  readonly requestStates = new Map<string, RequestState>();
  private tempSeq = 0;
  private intSeq = 1000;

  /** A temporary id for an object created on the platform (seed 001 §"Особый случай"). */
  tempId(): string {
    return `${TEMP_ID_PREFIX}${++this.tempSeq}`;
  }

  /** The platform's own integer ids (заявки, registration requests). */
  nextInt(): number {
    return ++this.intSeq;
  }

  /** Stores the object and queues its snapshot; answers the record's guid. */
  change(entity: EntityName, snapshot: Snapshot): string {
    this.entities.put(entity, snapshot);
    return this.queue.push(entity, snapshot);
  }

  /** Stores without queueing (the state the billing already has, e.g. a seeded house). */
  put(entity: EntityName, snapshot: Snapshot): void {
    this.entities.put(entity, snapshot);
  }

  /** Removes an object and lists it in `DeletedItems` with its current id. */
  deleteObject(entity: EntityName, key: string): string | undefined {
    const gone = this.entities.remove(entity, key);
    if (!gone) return undefined;
    const type = setIdTypeOf(entity, gone) ?? entity.toLowerCase();
    this.requestStates.delete(String(gone.Id));
    return this.queue.pushDeletion(String(gone.Id), type);
  }

  /**
   * `To1c/Delete?guid=&objectId=`: drops the record; with `objectId`, the object the record was about
   * takes that id in place of its temporary one. Answers whether the guid was waiting.
   */
  acknowledge(guid: string, objectId: string | undefined): boolean {
    const change = this.queue.get(guid);
    if (change && objectId && ENTITIES[change.entity].idReplaceable) {
      const oldId = String(change.snapshot.Id);
      const key = EntityStore.keyOf(change.entity, change.snapshot);
      if (isTemporaryId(oldId)) this.entities.replaceId(change.entity, key, objectId);
    }
    return this.queue.remove(guid);
  }

  /** `SetId`: answers the seed's word for the outcome. */
  setId(uzhkId: string, externalId: string, type: string): 'success' | 'notFound' | 'unknownType' {
    const entity = SET_ID_ENTITY[type];
    if (!entity) return 'unknownType';
    const key = entity === 'Doc' ? `${type}:${uzhkId}` : uzhkId;
    return this.entities.replaceId(entity, key, externalId) ? 'success' : 'notFound';
  }

  /** Both Handle methods: approve or reject, record whether a notification went out. */
  handleRequest(
    kind: RequestState['kind'],
    id: string,
    decision: { approve: boolean; reject: boolean; cause?: string; accountNumber?: string; notify: boolean },
  ): 'success' | 'notFound' {
    const state = this.requestStates.get(id);
    if (state?.kind !== kind) return 'notFound';
    state.state = decision.approve && !decision.reject ? 'approved' : decision.reject ? 'rejected' : 'new';
    state.cause = decision.cause;
    state.accountNumber = decision.accountNumber;
    state.notificationSent = state.notificationSent || decision.notify;
    state.handledTimes++;
    return 'success';
  }
}
