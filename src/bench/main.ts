import { Command, Option } from 'commander';
import { runIngestBench } from './ingest-bench.js';
import { hubPhase, importPhase, type PhaseFlags, rawPhase } from './ingest-phases.js';

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
