import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import { handleAdmin } from './handle-admin.js';
import { handleApi } from './handle-api.js';
import type { ResidentActions } from './resident-actions.js';
import { type SeededDay, seedDay } from './seed-day.js';
import { type SeededHouses, seedHouses } from './seed-houses.js';
import { sendAnswer } from './send-answer.js';
import type { UzhkhFaults } from './uzhkh-faults.js';
import { UzhkhRuntime, type UzhkhStats } from './uzhkh-runtime.js';
import { type UzhkhState, uzhkhState } from './uzhkh-state.js';
import type { UzhkhWorld } from './uzhkh-world.js';

export interface UzhkhSandboxOptions extends Partial<UzhkhFaults> {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The bearer token the platform issued; random when absent. */
  token?: string;
  /** Registered client addresses; loopback (127.0.0.1, ::1) by default. */
  allowIps?: string[];
  seed?: number;
  /** Start with a few houses and a day of activity queued (`--demo`). */
  demo?: { houses: number; flatsPerHouse: number };
}

/** A running sandbox, inspected and steered in-process by tests (or over `/_sandbox/*`). */
export interface UzhkhSandbox {
  url: string;
  token: string;
  world(): UzhkhWorld;
  act(): ResidentActions;
  readonly stats: UzhkhStats;
  faults(): UzhkhFaults;
  setFaults(patch: Partial<UzhkhFaults>): void;
  setAllowIps(ips: string[]): void;
  seedHouses(houses: number, flatsPerHouse: number): SeededHouses;
  seedDay(houses: SeededHouses): SeededDay;
  /** What `--demo` seeded, when it did. */
  demo: { houses: SeededHouses; day: SeededDay } | undefined;
  state(): UzhkhState;
  reset(): void;
  close(): Promise<void>;
}

export async function startUzhkhSandbox(options: UzhkhSandboxOptions = {}): Promise<UzhkhSandbox> {
  const {
    host = '127.0.0.1',
    port = 0,
    token = randomBytes(18).toString('base64url'),
    allowIps = ['127.0.0.1', '::1'],
    seed = 1,
    demo,
    ...faults
  } = options;
  const rt = new UzhkhRuntime({ token, allowIps, seed, faults });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const query = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
    const work = path.startsWith('/_sandbox/')
      ? handleAdmin(rt, req, res, path)
      : handleApi(rt, req, res, path, query);
    Promise.resolve(work).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        sendAnswer(res, 500, { error: 'internal', message: String(error) });
    });
  });
  const url = await listenServer(server, host, port);
  let seeded: UzhkhSandbox['demo'];
  if (demo) {
    const houses = seedHouses(rt.world, { ...demo, random: rt.random });
    seeded = { houses, day: seedDay(rt.world, rt.act, houses) };
  }
  return {
    url,
    token,
    world: () => rt.world,
    act: () => rt.act,
    get stats() {
      return rt.stats;
    },
    faults: () => rt.faults,
    setFaults(patch) {
      rt.faults = { ...rt.faults, ...patch };
    },
    setAllowIps(ips) {
      rt.allowIps = ips;
    },
    seedHouses: (houses, flatsPerHouse) => seedHouses(rt.world, { houses, flatsPerHouse, random: rt.random }),
    seedDay: (houses) => seedDay(rt.world, rt.act, houses),
    demo: seeded,
    state: () => uzhkhState(rt),
    reset: () => rt.reset(),
    async close() {
      rt.cancelTimers();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
