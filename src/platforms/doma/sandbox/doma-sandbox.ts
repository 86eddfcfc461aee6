import type { SandboxSpec } from '../../sandbox-spec.js';
import { domaLimits } from '../contract/doma-limits.js';
import { DOMA_SANDBOX_EMAIL, DOMA_SANDBOX_PASSWORD } from './sandbox-defaults.js';
import { SEED_HOUSE_ADDRESS, SeedIds } from './seed-objects.js';

/** "7d", "90m", "30s", "1500ms" or plain milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: "${text}" (use e.g. 7d, 90m, 30s, 1500ms)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 'ms'] as number;
  return Number(m[1]) * unit;
}

/** `zhkh-bridge sandbox doma`: the Doma.ai GraphQL API with the seed's objects, in memory. */
export const domaSandbox: SandboxSpec = {
  platform: 'doma',
  description: 'the Doma.ai (condo) GraphQL API on /admin/api, with the seed example objects',
  options: (cmd) =>
    cmd
      .option('--email <email>', 'service user email', DOMA_SANDBOX_EMAIL)
      .option('--password <password>', 'service user password', DOMA_SANDBOX_PASSWORD)
      .option('--token-ttl <duration>', 'token lifetime (e.g. 7d, 30m, 90s)', '7d')
      .option(
        '--quota <points>',
        'complexity points per user per hour',
        String(domaLimits.complexityPerHour),
      ),
  help: [
    '',
    'Starts with billing context edbd5639-… (Finished), organizations edbd5639-…, 73b069e4-…, 9f728332-…,',
    `the house «${SEED_HOUSE_ADDRESS}» in each and meter 55b3b44e-…, so seed 000's curl examples work.`,
    'Admin routes: GET /_sandbox/state|receipts|files|meters|readings|payments|writes|faults,',
    'POST /_sandbox/organizations|contexts|properties|payments|readings|faults|expire-tokens|reset.',
  ].join('\n'),
  async start(flags) {
    const quota = Number(flags.quota);
    if (!Number.isInteger(quota) || quota <= 0)
      throw new Error(`--quota must be a positive integer, got ${flags.quota}`);
    // Loaded on start only: every other CLI command stays free of graphql-js and the schema build.
    const { startDomaSandbox } = await import('./start-doma-sandbox.js');
    const sb = await startDomaSandbox({
      host: flags.host,
      port: Number(flags.port),
      email: String(flags.email),
      password: String(flags.password),
      tokenTtlMs: parseDuration(String(flags.tokenTtl)),
      quota,
    });
    return {
      url: sb.url,
      banner: [
        `Doma.ai sandbox: POST ${sb.apiUrl}`,
        `service user: email ${sb.email}, password ${sb.password}`,
        `token TTL ${flags.tokenTtl}, quota ${quota} complexity points per hour`,
        `billing context ${SeedIds.context} (Finished); organizations ${SeedIds.organizations.join(', ')}`,
        `house «${SEED_HOUSE_ADDRESS}» (ФИАС ${SeedIds.houseFias}); meter ${SeedIds.meter}`,
        `admin: ${sb.url}/_sandbox/state`,
      ],
      close: () => sb.close(),
    };
  },
};
