import type { SandboxSpec } from '../../sandbox-spec.js';
import type { DomcontrolAuth } from '../contract/domcontrol-auth.js';
import { startDomcontrolSandbox } from './start-domcontrol-sandbox.js';

/** `zhkh-bridge sandbox domcontrol`: the six import endpoints of seed 002, strict about references. */
export const domcontrolSandbox: SandboxSpec = {
  platform: 'domcontrol',
  description:
    'DomControl: services, accounts, counters, readings, balances and transactions imports (seed 002)',
  options: (cmd) =>
    cmd
      .option('--auth <mode>', 'what the import calls demand: none, bearer or basic', 'none')
      .option('--token <token>', 'the bearer token (--auth bearer)')
      .option('--user <user>', 'the HTTP Basic user (--auth basic)')
      .option('--password <password>', 'the HTTP Basic password (--auth basic)'),
  help: [
    '',
    'Examples:',
    '  zhkh-bridge sandbox domcontrol --port 8082',
    '  zhkh-bridge sandbox domcontrol --auth bearer --token s3cret',
    '  curl -X POST -d \'{"services":[{"id":"s1","organization":"УК","short_name":"ХВС","full_name":"ХВС"}]}\' \\',
    '       http://127.0.0.1:8082/api/directory/importservices',
    'Admin: GET /_sandbox/state, GET /_sandbox/directories/<services|accounts|…>, POST /_sandbox/faults, POST /_sandbox/reset',
  ].join('\n'),
  async start(flags) {
    const sandbox = await startDomcontrolSandbox({
      host: flags.host,
      port: Number(flags.port),
      auth: authOf(flags),
    });
    return {
      url: sandbox.url,
      banner: [`domcontrol sandbox on ${sandbox.url}`, `auth: ${describe(sandbox.auth)}`],
      close: () => sandbox.close(),
    };
  },
};

function authOf(flags: Record<string, unknown>): DomcontrolAuth {
  const mode = String(flags.auth ?? 'none');
  if (mode === 'none') return { mode };
  if (mode === 'bearer') return { mode, token: required(flags.token, '--token') };
  if (mode === 'basic')
    return { mode, user: required(flags.user, '--user'), password: required(flags.password, '--password') };
  throw new Error(`--auth must be none, bearer or basic, not "${mode}"`);
}

function required(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${flag} is required for this --auth mode`);
  return value;
}

/** The banner names the mode and the user, never the secret. */
function describe(auth: DomcontrolAuth): string {
  if (auth.mode === 'basic') return `HTTP Basic, user ${auth.user} (password as given)`;
  return auth.mode === 'bearer' ? 'bearer token (as given)' : 'none';
}
