import { COUNTER_TYPES, type CounterType } from '../contract/object-types.js';
import { createAccount, createObject, signUp } from './created-on-platform.js';
import type { Snapshot } from './entity-store.js';
import type { UzhkhWorld } from './uzhkh-world.js';
import { wireTime } from './wire-time.js';

/**
 * What residents and staff do on the platform, each queueing the changed object's snapshot. Used
 * by the `/_sandbox/` admin routes, the in-process handle and the demo seed. Every action answers
 * the queued record's guid and the object's id; an unknown object is an Error naming it.
 */
export class ResidentActions {
  constructor(
    private readonly world: UzhkhWorld,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private need(entity: Parameters<UzhkhWorld['entities']['get']>[0], id: string): Snapshot {
    const found = this.world.entities.get(entity, id);
    if (!found) throw new Error(`no ${entity} with id ${id}`);
    return found;
  }

  /** A reading of an existing meter: values as decimal strings ("123.456"). */
  submitReading(input: { counterId: string; values: string[]; at?: Date }) {
    const counter = this.need('Counter', input.counterId);
    const tariffs = COUNTER_TYPES[counter.CounterTypeIdentifier as CounterType] ?? 1;
    if (input.values.length < 1 || input.values.length > tariffs) {
      throw new Error(`counter ${input.counterId} takes ${tariffs} value(s), got ${input.values.length}`);
    }
    counter.Value1 = Number(input.values[0]);
    counter.Value2 = input.values[1] === undefined ? null : Number(input.values[1]);
    counter.Value3 = input.values[2] === undefined ? null : Number(input.values[2]);
    counter.DateTimeForValue = wireTime(input.at ?? this.now());
    return { guid: this.world.change('Counter', counter), id: String(counter.Id) };
  }

  /** A meter created on the platform: it gets a temporary `--` id. */
  createMeter(input: { flatId: string; type: CounterType; serial?: string; value?: string }) {
    const flat = this.need('Obj', input.flatId);
    const counter: Snapshot = {
      Id: this.world.tempId(),
      SerialNumber: input.serial ?? null,
      Value1: Number(input.value ?? '0'),
      Value2: COUNTER_TYPES[input.type] > 1 ? 0 : null,
      Value3: COUNTER_TYPES[input.type] > 2 ? 0 : null,
      DateTimeForValue: null,
      CounterTypeIdentifier: input.type,
      IsPublish: true,
      FlatId: flat.Id,
      TypeObject: flat.TypeObject,
      CheckDate: null,
      CommissioningDate: wireTime(this.now()),
    };
    return { guid: this.world.change('Counter', counter), id: String(counter.Id) };
  }

  /** A заявка opened by a resident (or a dispatcher when `dispatcher` is given). */
  openTicket(input: { accountId: string; title: string; crash?: boolean; dispatcher?: string }) {
    const account = this.need('Account', input.accountId);
    const flat = this.world.entities.get('Obj', String(account.ApartmentID));
    const owner = ((account.Persons as Snapshot[] | null) ?? [])[0];
    const id = this.world.nextInt();
    const ticket: Snapshot = {
      Id: id,
      Number: String(id),
      Title: input.title,
      Description: null,
      Summary: null,
      CreationDate: wireTime(this.now()),
      FinishDate: null,
      AccountNumber: account.AccountNumber,
      AccountId: account.Id,
      DispatcherName: input.dispatcher ?? null,
      Status: 'Новая',
      IsCrash: input.crash ?? false,
      IsImportant: false,
      IsPayable: false,
      IsGuarantee: false,
      IsComplaint: false,
      IsReasonable: false,
      IsRepeated: false,
      ResidentId: owner?.Id ?? '',
      FlatId: account.ApartmentID,
      TypeObject: flat?.TypeObject ?? account.TypeObject,
      Rating: null,
      IsPayment: false,
      PaymentSum: 0,
      Files: [],
      FilesFromExecutor: [],
    };
    return { guid: this.world.change('Request', ticket), id: String(id) };
  }

  setTicketStatus(input: { id: string; status: string; summary?: string }) {
    const ticket = this.need('Request', input.id);
    ticket.Status = input.status;
    if (input.summary !== undefined) ticket.Summary = input.summary;
    return { guid: this.world.change('Request', ticket), id: input.id };
  }

  /** A payment made on the platform; `sum` in rubles as a decimal string. Its id is temporary. */
  pay(input: { accountId: string; sum: string; mobile?: boolean; at?: Date }) {
    const account = this.need('Account', input.accountId);
    const payment: Snapshot = {
      Sum: Number(input.sum),
      Commission: 0,
      AccountNumber: account.AccountNumber,
      AccountId: account.Id,
      DateTime: wireTime(input.at ?? this.now()),
      Id: this.world.tempId(),
      OrderNumber: `UZ${this.world.nextInt()}`,
      IsRequest: false,
      FromWeb: !input.mobile,
      FromMobile: input.mobile ?? false,
      IsInsurance: false,
      IsAutopay: false,
    };
    return { guid: this.world.change('Payment', payment), id: String(payment.Id) };
  }

  /** A resident asks to attach an account to a flat (seed 001 §"Заявка на добавление лицевого счёта"). */
  askToRegister(input: {
    flatId: string;
    accountNumber: string;
    surname: string;
    name: string;
    patronymic?: string;
    email: string;
    phone: string;
  }) {
    this.need('Obj', input.flatId);
    const id = String(this.world.nextInt());
    this.world.requestStates.set(id, {
      kind: 'register',
      state: 'new',
      notificationSent: false,
      handledTimes: 0,
    });
    const request: Snapshot = {
      Id: id,
      FlatId: input.flatId,
      AccountNumber: input.accountNumber,
      Surname: input.surname,
      Name: input.name,
      Patronymic: input.patronymic ?? null,
      Email: input.email,
      Phone: input.phone,
    };
    return { guid: this.world.change('RequestToRegister', request), id };
  }

  /** A resident asks to add a flat to their list (seed 001 §"Заявка на добавление объекта"). */
  askToAddObject(input: { flatId: string; residentId: string }) {
    this.need('Obj', input.flatId);
    this.need('Resident', input.residentId);
    const id = String(this.world.nextInt());
    this.world.requestStates.set(id, {
      kind: 'objectAdding',
      state: 'new',
      notificationSent: false,
      handledTimes: 0,
    });
    const request: Snapshot = { Id: id, FlatId: input.flatId, ResidentId: input.residentId };
    return { guid: this.world.change('RequestToObjectAdding', request), id };
  }

  addCar(input: { residentId: string; brand: string; model: string; number: string; temp?: boolean }) {
    this.need('Resident', input.residentId);
    const car: Snapshot = {
      Id: this.world.tempId(),
      ResidentId: input.residentId,
      Brand: input.brand,
      Model: input.model,
      Number: input.number,
      PhoneDriver: null,
      IsTemp: input.temp ?? false,
    };
    return { guid: this.world.change('Car', car), id: String(car.Id) };
  }

  /** Staff publish an article, a news item or a notice. */
  publishDoc(input: { typeName: 'article' | 'news' | 'notice'; title: string; text: string }) {
    const doc: Snapshot = {
      Id: this.world.tempId(),
      TypeName: input.typeName,
      Title: input.title,
      Text: input.text,
      IsPublish: true,
      Date: wireTime(this.now()),
      IsForExecutors: false,
      IsForResponsibles: false,
      IsForContractors: false,
      IsForDisp: false,
      IsForParking: false,
      IsForNoParking: false,
      PushText: input.title,
    };
    return { guid: this.world.change('Doc', doc), id: String(doc.Id) };
  }

  /** A resident updates their phone or e-mail: the resident's snapshot is queued. */
  updateResident(input: { id: string; phone?: string; email?: string }) {
    const resident = this.need('Resident', input.id);
    if (input.phone !== undefined) resident.Phone = input.phone;
    if (input.email !== undefined) resident.Email = input.email;
    return { guid: this.world.change('Resident', resident), id: input.id };
  }

  /** A resident signs up in the app: a temporary `--` id. */
  signUp(input: Parameters<typeof signUp>[1]) {
    return signUp(this.world, input);
  }

  /** Staff add a flat: a temporary `--` id. */
  createObject(input: Parameters<typeof createObject>[1]) {
    return createObject(this.world, input);
  }

  /** Staff open an account on a flat: a temporary `--` id. */
  createAccount(input: Parameters<typeof createAccount>[2]) {
    return createAccount(this.world, this.now(), input);
  }

  /** Queues `count` readings round-robin over the meters, each a new value (benchmarks, load). */
  queueReadings(count: number): number {
    const counters = [...this.world.entities.of('Counter').values()];
    if (counters.length === 0) throw new Error('seed some houses first: there are no meters');
    for (let i = 0; i < count; i++) {
      const counter = counters[i % counters.length]!;
      this.submitReading({ counterId: String(counter.Id), values: [String(Number(counter.Value1) + 1)] });
    }
    return count;
  }
}
