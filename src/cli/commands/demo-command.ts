import type { Command } from 'commander';
import { DEFAULT_DEMO_ORG_ID, DEFAULT_DEMO_SEED, demoOrganization } from '../../demo/generate-demo.js';
import { loadDemo } from '../../demo/load-demo.js';
import { Organization } from '../../domain/model/organization.js';
import { upsertOrg } from '../../store/org-store.js';
import { countRecords } from '../../store/record-store.js';
import { createToken, listTokens, revokeToken } from '../../store/token-store.js';
import { CliError } from '../cli-error.js';
import { httpSink } from '../import/http-sink.js';
import { ProgressReporter } from '../progress-reporter.js';
import { withStoreOptions } from '../store-options.js';
import { runPlatformDemos } from './run-platform-demos.js';
import { type RunningHub, startHub, untilSignal } from './serve-command.js';

interface DemoFlags {
  accounts: string;
  once?: boolean;
  dataDir?: string;
  databaseUrl?: string;
  port?: string;
  seed: string;
}

async function startDemoHub(flags: DemoFlags): Promise<RunningHub> {
  try {
    return await startHub({
      dataDir: flags.dataDir,
      databaseUrl: flags.databaseUrl,
      port: flags.port ?? 8080,
      logLevel: 'warn',
    });
  } catch (err) {
    // Without an explicit --port, a busy 8080 should not stop a first-time user: take any free port.
    if (flags.port === undefined && err instanceof CliError && /already in use/.test(err.message)) {
      return startHub({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl, port: 0, logLevel: 'warn' });
    }
    throw err;
  }
}

export async function runDemo(flags: DemoFlags): Promise<void> {
  const accounts = Number(flags.accounts);
  if (!Number.isInteger(accounts) || accounts < 1)
    throw new CliError(`--accounts ${flags.accounts} is not a positive whole number`);
  const seed = Number(flags.seed);
  const started = Date.now();
  // Opening the store and migrating it takes seconds on a first start: say what is going on.
  console.error('starting the hub (opening and migrating its store)…');
  const hub = await startDemoHub(flags);
  try {
    const db = hub.opened.store.db;
    const org = Organization.parse(demoOrganization({ orgId: DEFAULT_DEMO_ORG_ID, seed }));
    await upsertOrg(db, org);
    // One live demo token at a time: earlier runs' tokens are revoked.
    for (const t of await listTokens(db, org.id))
      if (t.name === 'demo' && !t.revokedAt) await revokeToken(db, t.id);
    const { token } = await createToken(db, { orgId: org.id, name: 'demo' });

    console.log(`zhkh-bridge demo: hub on ${hub.url} (${hub.opened.store.where})`);
    console.log(`loading ${accounts} лицевых счетов of «${org.name}» through the bulk API…`);
    const progress = new ProgressReporter();
    progress.start('demo', accounts);
    const totals = await loadDemo(httpSink({ url: hub.url, token, org: org.id }), {
      accounts,
      seed,
      orgId: org.id,
      onProgress: (done, t) => {
        let rejected = 0;
        let records = 0;
        for (const v of t.values()) {
          rejected += v.rejected;
          records += v.created + v.updated + v.unchanged + v.rejected;
        }
        progress.update(done, { records, rejected });
      },
    });
    progress.stop();

    const counts = await countRecords(db, org.id);
    console.log(
      `\n${'kind'.padEnd(12)} ${'stored'.padStart(8)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(9)} ${'rejected'.padStart(8)}`,
    );
    let rejected = 0;
    for (const [kind, t] of totals) {
      rejected += t.rejected;
      console.log(
        `${kind.padEnd(12)} ${String(counts[kind] ?? 0).padStart(8)} ${String(t.created).padStart(8)} ${String(t.updated).padStart(8)} ${String(t.unchanged).padStart(9)} ${String(t.rejected).padStart(8)}`,
      );
    }
    console.log(`\nloaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${rejected} records rejected.`);
    console.log(`organization token (scoped to "${org.id}"): ${token}`);
    if (hub.firstAdminToken) console.log(`admin token (shown once): ${hub.firstAdminToken}`);
    console.log(`try:\n  curl -H "Authorization: Bearer ${token}" ${hub.url}/v1/orgs/${org.id}`);
    console.log(`  curl -H "Authorization: Bearer ${token}" "${hub.url}/v1/orgs/${org.id}/receipts?limit=1"`);
    console.log(`  API docs: ${hub.url}/docs (paste the token above when the page asks for it)`);
    console.log(`  operator console: ${hub.url}/ui/ (sign in with the token above)`);
    if (rejected > 0) throw new CliError(`${rejected} demo records were rejected`, 2);
    const stopSandboxes = await runPlatformDemos({
      hubUrl: hub.url,
      token,
      orgId: org.id,
      db,
      log: (line) => console.log(line),
    });
    try {
      if (flags.once) return;
      console.log(
        [
          '\nthe CLI against this demo, in another terminal (every command takes --help):',
          `  export ZHKH_URL=${hub.url} ZHKH_TOKEN=${token}`,
          `  npx zhkh-bridge connections list --org ${org.id}`,
          `  npx zhkh-bridge inbox list --org ${org.id} --limit 10`,
        ].join('\n'),
      );
      console.log('\nserving until Ctrl-C…');
      await untilSignal();
    } finally {
      await stopSandboxes();
    }
  } finally {
    await hub.close();
  }
}

export function registerDemoCommand(program: Command): void {
  withStoreOptions(program.command('demo'))
    .description('Create a demo organization, load generated data through the API, and keep serving')
    .option('--accounts <n>', 'how many лицевых счетов to generate (with houses, meters, receipts…)', '500')
    .option('--once', 'exit after printing the summary instead of serving until Ctrl-C')
    .option('-p, --port <port>', 'hub port (default 8080, or any free port when 8080 is busy)')
    .option('--seed <n>', 'generator seed: the same seed gives the same data', String(DEFAULT_DEMO_SEED))
    .addHelpText(
      'after',
      `
Running it again on the same store re-sends the same data: every record comes back "unchanged".

Examples:
  zhkh-bridge demo                      # 500 accounts, then serve on :8080 until Ctrl-C
  zhkh-bridge demo --once --accounts 5000 --data-dir /tmp/zb`,
    )
    .action(runDemo);
}
