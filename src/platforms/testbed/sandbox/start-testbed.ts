import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import type { InboundRecord } from '../contract/inbound-response.js';
import { handleRequest } from './handle-request.js';
import type { TestbedItem } from './item-store.js';
import { mergeFaults } from './merge-faults.js';
import type { TestbedFaults } from './testbed-faults.js';
import { TestbedRuntime } from './testbed-runtime.js';
import { type TestbedState, testbedState } from './testbed-state.js';
import type { TestbedStats } from './testbed-stats.js';

/** Listening address, credentials and the PRNG seed, plus any starting faults and limits. */
export interface TestbedOptions extends Partial<TestbedFaults> {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  user?: string;
  password?: string;
  seed?: number;
}

/** A running sandbox, inspected and steered in-process by tests (or over `/_sandbox/*`). */
export interface Testbed {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  user: string;
  password: string;
  /** The live records of a kind (empty for a kind never written). */
  items(kind: string): ReadonlyMap<string, Readonly<TestbedItem>>;
  /** Live counters; replaced by `reset`. */
  readonly stats: TestbedStats;
  faults(): TestbedFaults;
  /** Changes some faults or limits; throws on an invalid value. */
  setFaults(patch: Partial<TestbedFaults>): void;
  /** Queues records for the client to pull; answers their ids (`in-<n>`). */
  addInbound(items: ReadonlyArray<{ kind: string; payload: unknown }>): string[];
  inboundQueue(): InboundRecord[];
  state(): TestbedState;
  /** Forgets all data, tokens and counters and restores the starting faults and seed. */
  reset(): void;
  close(): Promise<void>;
}

export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const {
    host = '127.0.0.1',
    port = 0,
    user = 'bridge',
    password = 'bridge-secret',
    seed = 1,
    ...faults
  } = options;
  const rt = new TestbedRuntime({ user, password, seed, faults });
  const server = createServer((req, res) => void handleRequest(rt, req, res));
  const url = await listenServer(server, host, port);
  return {
    url,
    user,
    password,
    items: (kind) => rt.items.peek(kind),
    get stats() {
      return rt.stats;
    },
    faults: () => rt.faults,
    setFaults(patch) {
      rt.faults = mergeFaults(rt.faults, patch);
    },
    addInbound: (items) => rt.inbound.add(items),
    inboundQueue: () => rt.inbound.list(),
    state: () => testbedState(rt),
    reset: () => rt.reset(),
    async close() {
      rt.cancelTimers();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
