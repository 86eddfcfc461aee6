import { createServer } from 'node:http';
import { listenServer } from '../../sandbox-kit/listen-server.js';
import { type Decision, decidePermissions } from './decide-permissions.js';
import { handleRequest } from './handle-request.js';
import type { Permission } from './permission-names.js';
import { SandboxCore } from './sandbox-core.js';
import { type OrgRules, type SandboxConfig, SandboxState } from './sandbox-state.js';

export interface Is74SandboxOptions extends Partial<SandboxConfig> {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** A running core emulator, steered in-process by tests (or over `/_sandbox/*`). */
export interface Is74Sandbox {
  url: string;
  state: SandboxState;
  configure(patch: Partial<SandboxConfig>): void;
  setOrg(patch: Partial<OrgRules>): void;
  setThreshold(tariffId: string, kopecks: number): void;
  setServicePermissions(serviceId: string, permissions: Permission[]): void;
  setEntrance(userId: string, access: boolean): void;
  /** Signs a user in through the provider; `undefined` for a wrong login or password. */
  login(login: string, pswd: string): Promise<string | undefined>;
  permissions(userId: string): Decision;
  close(): Promise<void>;
}

export async function startIs74Sandbox(opts: Is74SandboxOptions = {}): Promise<Is74Sandbox> {
  const { host = '127.0.0.1', port = 0, ...config } = opts;
  const state = new SandboxState({
    providerUrl: config.providerUrl,
    providerToken: config.providerToken,
    providerUser: config.providerUser,
    providerPassword: config.providerPassword,
    callbackUser: config.callbackUser ?? 'core',
    callbackPassword: config.callbackPassword ?? 'core-callback-secret',
    chargesLimit: config.chargesLimit ?? 12,
  });
  const core = new SandboxCore(state);
  const server = createServer((req, res) => void handleRequest(core, req, res));
  const url = await listenServer(server, host, port);
  return {
    url,
    state,
    configure: (patch) => Object.assign(state.config, patch),
    setOrg: (patch) => Object.assign(state.org, patch),
    setThreshold: (id, kopecks) => state.thresholds.set(id, kopecks),
    setServicePermissions: (id, ps) => state.servicePermissions.set(id, ps),
    setEntrance: (id, access) => state.entrance.set(id, access),
    login: (login, pswd) => core.login(login, pswd),
    permissions: (id) => decidePermissions(state, id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
