import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import { DomcontrolAuth } from '../contract/domcontrol-auth.js';
import type { DomcontrolImport } from '../contract/domcontrol-paths.js';
import { type DomcontrolFaults, mergeDomcontrolFaults } from './domcontrol-faults.js';
import { DomcontrolRuntime } from './domcontrol-runtime.js';
import type { DomcontrolStats } from './domcontrol-stats.js';
import { domcontrolState } from './handle-admin.js';
import { handleRequest } from './handle-request.js';

export interface DomcontrolSandboxOptions extends Partial<DomcontrolFaults> {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** What the import calls demand; none by default. */
  auth?: DomcontrolAuth;
  /** Seed of the fault rolls. */
  seed?: number;
}

/** A running DomControl emulator, inspected and steered in-process (or over `/_sandbox/*`). */
export interface DomcontrolSandbox {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  auth: DomcontrolAuth;
  /** The stored items of an import, by their storage key. */
  items(name: DomcontrolImport): ReadonlyMap<string, unknown>;
  readonly stats: DomcontrolStats;
  faults(): DomcontrolFaults;
  setFaults(patch: Partial<DomcontrolFaults>): void;
  state(): ReturnType<typeof domcontrolState>;
  /** Forgets all data and counters and restores the starting faults and seed. */
  reset(): void;
  close(): Promise<void>;
}

export async function startDomcontrolSandbox(
  options: DomcontrolSandboxOptions = {},
): Promise<DomcontrolSandbox> {
  const { host = '127.0.0.1', port = 0, auth = { mode: 'none' }, seed = 1, ...faults } = options;
  const rt = new DomcontrolRuntime(DomcontrolAuth.parse(auth), { seed, faults });
  const server = createServer((req, res) => void handleRequest(rt, req, res));
  const url = await listenServer(server, host, port);
  return {
    url,
    auth: rt.auth,
    items: (name) => rt.dirs.map(name),
    get stats() {
      return rt.stats;
    },
    faults: () => rt.faults,
    setFaults(patch) {
      rt.faults = mergeDomcontrolFaults(rt.faults, patch);
    },
    state: () => domcontrolState(rt),
    reset: () => rt.reset(),
    async close() {
      rt.cancelTimers();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
