import type { Command } from 'commander';
import { builtinSandboxes } from '../../platforms/builtin-sandboxes.js';
import { CliError } from '../cli-error.js';
import { untilSignal } from './serve-command.js';

/** `zhkh-bridge sandbox <platform>`: runs a platform's local emulator until Ctrl-C. */
export function registerSandboxCommand(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description(
      "Run a platform's local sandbox (an emulator that behaves as its integration document says)",
    );
  for (const spec of builtinSandboxes) {
    let cmd = sandbox
      .command(spec.platform)
      .description(spec.description)
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('-p, --port <port>', 'port to listen on (0 = any free port)', '0');
    if (spec.options) cmd = spec.options(cmd);
    if (spec.help) cmd.addHelpText('after', `\n${spec.help}`);
    cmd.action(async (flags: Record<string, unknown>) => {
      const port = String(flags.port);
      if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
        throw new CliError(`--port ${port} is not a port number (0–65535)`);
      let started: Awaited<ReturnType<typeof spec.start>>;
      try {
        started = await spec.start({ ...flags, host: String(flags.host), port });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'EADDRINUSE') throw new CliError(`port ${port} is already in use`);
        throw err;
      }
      for (const line of started.banner) console.log(line);
      console.log('serving until Ctrl-C…');
      try {
        await untilSignal();
      } finally {
        await started.close();
      }
    });
  }
}
