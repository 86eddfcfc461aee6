import type { Command } from 'commander';
import { runDomcontrolBench } from './domcontrol-bench.js';

/** `npm run bench -- domcontrol [--accounts N] [--latency-ms N]`. */
export function registerDomcontrolBench(program: Command): void {
  program
    .command('domcontrol')
    .description(
      "Accounts with a counter, a reading and a balance each, from the store to the DomControl sandbox through the engine, beside the sandbox's raw intake of the same request bodies; then an unchanged re-sync (PGlite; PostgreSQL too when DATABASE_URL is set)",
    )
    .option('--accounts <n>', 'лицевых счетов to generate', '100000')
    .option('--latency-ms <n>', 'sandbox latency added to every import call, raw loop and engine alike', '50')
    .option('--in-process', "run the sandbox in the benchmark's own process (it then takes the engine's CPU)")
    .action(async (flags: { accounts: string; latencyMs: string; inProcess?: boolean }) => {
      await runDomcontrolBench({
        accounts: Number(flags.accounts),
        latencyMs: Number(flags.latencyMs),
        inProcess: flags.inProcess,
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => console.log(line),
      });
    });
}
