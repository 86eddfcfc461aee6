import type { SandboxSpec } from '../../sandbox-spec.js';
import { startTestbed } from './start-testbed.js';

/** `zhkh-bridge sandbox testbed`: the generic fault-injecting platform the engine's tests use. */
export const testbedSandbox: SandboxSpec = {
  platform: 'testbed',
  description: 'a generic HTTP platform that upserts by key and injects faults',
  options: (cmd) =>
    cmd
      .option('--user <user>', 'login the connector must present', 'bridge')
      .option('--password <password>', 'password the connector must present', 'bridge-secret'),
  async start(flags) {
    const tb = await startTestbed({
      host: flags.host,
      port: Number(flags.port),
      user: String(flags.user),
      password: String(flags.password),
    });
    return {
      url: tb.url,
      banner: [`testbed sandbox on ${tb.url}`, `credentials: user ${tb.user}, password ${tb.password}`],
      close: () => tb.close(),
    };
  },
};
