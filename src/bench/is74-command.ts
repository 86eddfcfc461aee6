import { Command } from 'commander';
import { runIs74Bench } from './is74-bench.js';

/** `npm run bench -- is74`. */
export function is74Command(): Command {
  return new Command('is74')
    .description(
      'is74 Data Provider: /api/contracts?user_id= on N contracts, repeated and first reads, beside a bare route of the same hub answering the same bytes from memory; then the callback runs (PGlite; PostgreSQL too when DATABASE_URL is set)',
    )
    .option('--contracts <n>', 'contracts (two per user)', '100000')
    .option('--seconds <n>', 'measured seconds per route', '6')
    .option('--concurrency <n>', 'keep-alive connections of the load generator', '16')
    .action(async (flags: { contracts: string; seconds: string; concurrency: string }) => {
      await runIs74Bench({
        contracts: Number(flags.contracts),
        seconds: Number(flags.seconds),
        concurrency: Number(flags.concurrency),
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => console.log(line),
      });
    });
}
