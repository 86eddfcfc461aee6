import { Command } from 'commander';
import { runIngestBench } from './ingest-bench.js';

const program = new Command('bench')
  .description('zhkh-bridge benchmarks: each prints ratios against a raw limit measured in the same run')
  .addHelpText(
    'after',
    '\nEvery measurement ends with a line: BENCH name=… metric=… ours=… limit=… ratio=… unit=…',
  );

program
  .command('ingest')
  .description(
    'Receipts through the bulk API and through `import`, beside a raw multi-row INSERT (PGlite; PostgreSQL too when DATABASE_URL is set)',
  )
  .option('--accounts <n>', 'лицевых счетов, one receipt with 12 service lines each', '100000')
  .option('--batch <n>', 'records per API request', '5000')
  .action(async (flags: { accounts: string; batch: string }) => {
    await runIngestBench({
      accounts: Number(flags.accounts),
      batch: Number(flags.batch),
      databaseUrl: process.env.DATABASE_URL,
      log: (line) => console.log(line),
    });
  });

await program.parseAsync(process.argv);
