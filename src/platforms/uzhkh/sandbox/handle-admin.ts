import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ENTITY_NAMES } from '../contract/entities.js';
import { COUNTER_TYPES, type CounterType } from '../contract/object-types.js';
import { readJsonBody } from './read-json-body.js';
import { seedDay } from './seed-day.js';
import { seedHouses } from './seed-houses.js';
import { sendAnswer } from './send-answer.js';
import { UzhkhFaults } from './uzhkh-faults.js';
import type { UzhkhRuntime } from './uzhkh-runtime.js';
import { uzhkhState } from './uzhkh-state.js';

const s = z.string().min(1);
const counterType = z.enum(Object.keys(COUNTER_TYPES) as [CounterType, ...CounterType[]]);

/** Admin actions: residents and staff acting on the platform, each answering `{guid, id}`. */
const ACTIONS = {
  reading: z.object({ counterId: s, values: z.array(z.string()).min(1).max(3) }),
  meter: z.object({
    flatId: s,
    type: counterType,
    serial: z.string().optional(),
    value: z.string().optional(),
  }),
  ticket: z.object({
    accountId: s,
    title: s,
    crash: z.boolean().optional(),
    dispatcher: z.string().optional(),
  }),
  'ticket-status': z.object({ id: s, status: s, summary: z.string().optional() }),
  payment: z.object({
    accountId: s,
    sum: z.string().regex(/^\d+(\.\d{1,2})?$/),
    mobile: z.boolean().optional(),
  }),
  register: z.object({
    flatId: s,
    accountNumber: s,
    surname: s,
    name: s,
    patronymic: z.string().optional(),
    email: s,
    phone: s,
  }),
  'object-adding': z.object({ flatId: s, residentId: s }),
  car: z.object({ residentId: s, brand: s, model: s, number: s, temp: z.boolean().optional() }),
  doc: z.object({ typeName: z.enum(['article', 'news', 'notice']), title: s, text: s }),
  resident: z.object({ id: s, phone: z.string().optional(), email: z.string().optional() }),
  'sign-up': z.object({
    surname: s,
    name: s,
    patronymic: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  object: z.object({ houseId: s, street: s, houseNumber: s, flatNumber: s, type: z.string().optional() }),
  account: z.object({ flatId: s, accountNumber: s, residentIds: z.array(s) }),
} as const;

const CorrectionBody = z.object({ id: s, sum: z.string().regex(/^\d+(\.\d{1,2})?$/) });
const DeleteBody = z.object({ entity: z.enum(ENTITY_NAMES as [string, ...string[]]), key: s });
const SeedBody = z.object({
  houses: z.number().int().min(1).max(1000),
  flatsPerHouse: z.number().int().min(1).max(1000),
  day: z.boolean().default(false),
});
const ReadingsBody = z.object({ count: z.number().int().min(1).max(1_000_000) });

/**
 * `/_sandbox/*`: act as residents and staff, inspect state, inject faults. Not the platform's API,
 * so no token, no IP check, no faults. Bad input is 400 naming the field.
 */
export async function handleAdmin(rt: UzhkhRuntime, req: IncomingMessage, res: ServerResponse, path: string) {
  const route = `${req.method ?? 'GET'} ${path}`;
  if (route === 'GET /_sandbox/state') return sendAnswer(res, 200, uzhkhState(rt));
  if (route === 'GET /_sandbox/queue') return sendAnswer(res, 200, rt.world.queue.page(0));
  if (route === 'POST /_sandbox/reset') {
    rt.reset();
    return sendAnswer(res, 200, uzhkhState(rt));
  }
  if (req.method !== 'POST') return sendAnswer(res, 404, { error: 'not_found' });
  const body = await readJsonBody(req);
  const bad = (error: z.ZodError) =>
    sendAnswer(res, 400, { error: 'bad_request', message: z.prettifyError(error) });
  const name = path.slice('/_sandbox/'.length);
  try {
    if (name === 'faults') {
      const patch = UzhkhFaults.partial().safeParse(body);
      if (!patch.success) return bad(patch.error);
      rt.faults = { ...rt.faults, ...patch.data };
      return sendAnswer(res, 200, rt.faults);
    }
    if (name === 'allow-ips') {
      const ips = z.array(s).safeParse(body);
      if (!ips.success) return bad(ips.error);
      rt.allowIps = ips.data;
      return sendAnswer(res, 200, rt.allowIps);
    }
    if (name === 'seed') {
      const seed = SeedBody.safeParse(body);
      if (!seed.success) return bad(seed.error);
      const houses = seedHouses(rt.world, { ...seed.data, random: rt.random });
      const day = seed.data.day ? seedDay(rt.world, rt.act, houses) : undefined;
      return sendAnswer(res, 200, { flats: houses.flats.length, counters: houses.counters.length, day });
    }
    if (name === 'readings') {
      const input = ReadingsBody.safeParse(body);
      if (!input.success) return bad(input.error);
      return sendAnswer(res, 200, { queued: rt.act.queueReadings(input.data.count) });
    }
    if (name === 'payment-correction') {
      // Staff correct a payment's sum behind the change queue: drift a reconciliation finds.
      const input = CorrectionBody.safeParse(body);
      if (!input.success) return bad(input.error);
      const payment = rt.world.entities.get('Payment', input.data.id);
      if (!payment) return sendAnswer(res, 404, { error: 'not_found' });
      rt.world.put('Payment', { ...payment, Sum: Number(input.data.sum) });
      return sendAnswer(res, 200, { id: input.data.id, sum: Number(input.data.sum) });
    }
    if (name === 'delete') {
      const input = DeleteBody.safeParse(body);
      if (!input.success) return bad(input.error);
      const guid = rt.world.deleteObject(input.data.entity as never, input.data.key);
      return guid ? sendAnswer(res, 200, { guid }) : sendAnswer(res, 404, { error: 'not_found' });
    }
    if (!Object.hasOwn(ACTIONS, name)) return sendAnswer(res, 404, { error: 'not_found' });
    const parsed = ACTIONS[name as keyof typeof ACTIONS].safeParse(body);
    if (!parsed.success) return bad(parsed.error);
    return sendAnswer(res, 200, act(rt, name as keyof typeof ACTIONS, parsed.data));
  } catch (error) {
    return sendAnswer(res, 404, { error: 'not_found', message: (error as Error).message });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the input was checked by the action's own schema above
function act(rt: UzhkhRuntime, name: keyof typeof ACTIONS, input: any): { guid: string; id: string } {
  switch (name) {
    case 'reading':
      return rt.act.submitReading(input);
    case 'meter':
      return rt.act.createMeter(input);
    case 'ticket':
      return rt.act.openTicket(input);
    case 'ticket-status':
      return rt.act.setTicketStatus(input);
    case 'payment':
      return rt.act.pay(input);
    case 'register':
      return rt.act.askToRegister(input);
    case 'object-adding':
      return rt.act.askToAddObject(input);
    case 'car':
      return rt.act.addCar(input);
    case 'doc':
      return rt.act.publishDoc(input);
    case 'resident':
      return rt.act.updateResident(input);
    case 'sign-up':
      return rt.act.signUp(input);
    case 'object':
      return rt.act.createObject(input);
    case 'account':
      return rt.act.createAccount(input);
  }
}
