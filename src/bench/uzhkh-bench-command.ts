import type { Command } from 'commander';
import { runUzhkhBench } from './uzhkh-bench.js';

/** `npm run bench -- uzhkh [--records N]`. */
export function registerUzhkhBench(program: Command): void {
  program
    .command('uzhkh')
    .description(
      '«Умное ЖКХ»: drain queued change records through the engine into the inbox (Delete after commit), beside a bare client pulling and deleting the same records (PGlite; PostgreSQL too when DATABASE_URL is set)',
    )
    .option('--records <n>', 'change records queued on the sandbox', '50000')
    .option(
      '--latency-ms <n>',
      'sandbox latency added to every platform call (0 measures the engine against an in-process platform that costs nothing)',
      '10',
    )
    .action(async (flags: { records: string; latencyMs: string }) => {
      await runUzhkhBench({
        records: Number(flags.records),
        latencyMs: Number(flags.latencyMs),
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => console.log(line),
      });
    });
}
