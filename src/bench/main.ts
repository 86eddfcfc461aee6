import { Command, Option } from 'commander';
import { runApiBench } from './api-bench.js';
import { benchLine } from './bench-line.js';
import { runDeliverBench } from './deliver-bench.js';
import { registerDomaBench } from './doma-bench-command.js';
import { registerDomcontrolBench } from './domcontrol-command.js';
import { registerEpdBench } from './epd-bench.js';
import { registerExportsBench } from './exports-bench.js';
import { runIngestBench } from './ingest-bench.js';
import { hubPhase, importPhase, type PhaseFlags, rawPhase } from './ingest-phases.js';
import { is74Command } from './is74-command.js';
import { measureScaleOut } from './scale-out.js';
import { registerUzhkhBench } from './uzhkh-bench-command.js';
import { runWebhooksBench } from './webhooks-bench.js';

const program = new Command('bench')
  .description('zhkh-bridge benchmarks: each prints ratios against a raw limit measured in the same run')
  .addHelpText(
    'after',
    '\nEvery measurement ends with a line: BENCH name=… metric=… ours=… limit=… ratio=… unit=…',
  );

program
  .command('ingest')
  .description(
    'Receipts through the bulk API and through `import`, beside a raw multi-row INSERT of the same rows (PGlite; PostgreSQL too when DATABASE_URL is set)',
  )
  .option('--accounts <n>', 'лицевых счетов, one receipt with 12 service lines each', '100000')
  .option('--batch <n>', 'records per API request and per import batch', '5000')
  .action(async (flags: { accounts: string; batch: string }) => {
    await runIngestBench({
      accounts: Number(flags.accounts),
      batch: Number(flags.batch),
      databaseUrl: process.env.DATABASE_URL,
      log: (line) => console.log(line),
    });
  });

program
  .command('webhooks')
  .description(
    "Billing webhooks: events/s from the inbox to a loopback receiver through the engine, beside a bare loop POSTing the same signed batches; and the lag from an inbox commit to the receiver's 2xx with a worker running (PGlite; PostgreSQL too when DATABASE_URL is set)",
  )
  .option('--events <n>', 'inbox readings queued for the endpoint', '50000')
  .option('--batch <n>', 'events per request', '500')
  .option('--lag-samples <n>', 'inbox commits timed one by one', '200')
  .action(async (flags: { events: string; batch: string; lagSamples: string }) => {
    await runWebhooksBench({
      events: Number(flags.events),
      batch: Number(flags.batch),
      lagSamples: Number(flags.lagSamples),
      databaseUrl: process.env.DATABASE_URL,
      log: (line) => console.log(line),
    });
  });

program
  .command('deliver')
  .description(
    "Service records from the store to the testbed through the sync engine, beside the testbed's raw intake of the same request bodies, and the no-op re-sync against the full one (PGlite; PostgreSQL too when DATABASE_URL is set)",
  )
  .option('--records <n>', 'canonical service records to deliver', '100000')
  .option(
    '--latency-ms <n>',
    'testbed latency added to every call (a platform answering a 1000-record batch in 50 ms is a fast one; 0 measures the engine against an in-process platform that costs nothing)',
    '50',
  )
  .action(async (flags: { records: string; latencyMs: string }) => {
    await runDeliverBench({
      records: Number(flags.records),
      latencyMs: Number(flags.latencyMs),
      databaseUrl: process.env.DATABASE_URL,
      log: (line) => console.log(line),
    });
  });

program
  .command('api')
  .description(
    'A hub on loopback under mixed load (single-record and page reads beside bulk writes) against the same routes idle, with /healthz throughout (PGlite; PostgreSQL too when DATABASE_URL is set)',
  )
  .option('--records <n>', 'service records seeded before the load', '20000')
  .option(
    '--clients <n>',
    'concurrent clients: ¼ bulk writers, ¼ page readers, ½ single-record readers',
    '32',
  )
  .option('--seconds <n>', 'length of the mixed load', '20')
  .option('--batch <n>', 'records per bulk write', '500')
  .option('--idle-samples <n>', 'requests of each read route timed one at a time on the idle hub', '200')
  .action(
    async (flags: {
      records: string;
      clients: string;
      seconds: string;
      batch: string;
      idleSamples: string;
    }) => {
      await runApiBench({
        records: Number(flags.records),
        clients: Number(flags.clients),
        seconds: Number(flags.seconds),
        batch: Number(flags.batch),
        idleSamples: Number(flags.idleSamples),
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => console.log(line),
      });
    },
  );

program
  .command('workers')
  .description(
    'Scale-out on PostgreSQL (DATABASE_URL): four connections to platforms with 20 ms latency, synced by one `worker` process and then by two',
  )
  .option('--records <n>', 'service records per connection', '10000')
  .option('--batch <n>', 'records per request (settings.sync.maxBatchRecords)', '100')
  .option('--latency-ms <n>', 'platform latency per request', '20')
  .action(async (flags: { records: string; batch: string; latencyMs: string }) => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl)
      throw new Error(
        'bench workers needs PostgreSQL: set DATABASE_URL (workers share runs only through a server)',
      );
    const log = (line: string) => console.log(line);
    const r = await measureScaleOut({
      serverUrl,
      connections: 4,
      records: Number(flags.records),
      latencyMs: Number(flags.latencyMs),
      batch: Number(flags.batch),
      log,
    });
    if (!r.writesPerRecord.every((w) => w === 2))
      throw new Error('a record was written more than once per phase');
    if (r.workerPeakRssMiB.length > 0)
      log(`  peak RSS of each worker process: ${r.workerPeakRssMiB.join(', ')} MiB`);
    log(
      benchLine({
        name: 'workers',
        metric: 'two_workers_speedup',
        ours: r.oneWorkerSeconds,
        limit: r.twoWorkersSeconds,
        unit: 's',
      }),
    );
  });

registerDomcontrolBench(program);
registerUzhkhBench(program);
registerEpdBench(program);
registerExportsBench(program);
program.addCommand(is74Command());
registerDomaBench(program);

// Internal: one measured phase in a process of its own (see ingest-phases.ts).
program
  .command('_phase <phase>', { hidden: true })
  .addOption(new Option('--driver <driver>').choices(['pglite', 'postgres']).makeOptionMandatory())
  .requiredOption('--accounts <n>')
  .requiredOption('--batch <n>')
  .option('--file <path>')
  .action(
    async (
      phase: string,
      raw: { driver: PhaseFlags['driver']; accounts: string; batch: string; file?: string },
    ) => {
      const flags: PhaseFlags = {
        driver: raw.driver,
        accounts: Number(raw.accounts),
        batch: Number(raw.batch),
        file: raw.file,
      };
      const run = { raw: rawPhase, hub: hubPhase, import: importPhase }[phase];
      if (!run) throw new Error(`unknown phase ${phase}`);
      process.stdout.write(`RESULT ${JSON.stringify(await run(flags))}\n`);
    },
  );

await program.parseAsync(process.argv);
