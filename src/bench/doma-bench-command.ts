import type { Command } from 'commander';
import { runDomaBench } from './doma-bench.js';

/** `npm run bench -- doma [--receipts N]`. */
export function registerDomaBench(program: Command): void {
  program
    .command('doma')
    .description(
      "Receipts of 12 services to the Doma.ai sandbox through the engine, beside the sandbox's raw intake of the same pre-built requests, and an unchanged re-publish that must send nothing (PGlite; PostgreSQL too when DATABASE_URL is set)",
    )
    .option('--receipts <n>', 'receipts (one per лицевой счёт, 12 service lines each)', '100000')
    .option(
      '--latency-ms <n>',
      "sandbox latency added to every call, as in `bench deliver` (0 measures the engine's CPU against the sandbox's)",
      '50',
    )
    .action(async (flags: { receipts: string; latencyMs: string }) => {
      await runDomaBench({
        receipts: Number(flags.receipts),
        latencyMs: Number(flags.latencyMs),
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => console.log(line),
      });
    });
}
