import type { Command } from 'commander';

/** Flags every `zhkh-bridge sandbox <platform>` command has, plus the platform's own. */
export interface SandboxFlags {
  host: string;
  port: string;
  [flag: string]: unknown;
}

/** A started sandbox, as the CLI prints and stops it. */
export interface StartedSandbox {
  url: string;
  /** Lines printed at start: where it listens, the credentials to use, what it was seeded with. */
  banner: string[];
  close(): Promise<void>;
}

/**
 * How a platform folder exposes its sandbox to `zhkh-bridge sandbox <platform>`: its own options
 * (added to the subcommand) and a start function. The CLI knows sandboxes only through this.
 */
export interface SandboxSpec {
  platform: string;
  /** One line for `zhkh-bridge sandbox --help`. */
  description: string;
  /** Adds the platform's own options; `--host` and `--port` are already there. */
  options?(cmd: Command): Command;
  /** Text after the options in `--help`: examples, what the sandbox starts with. */
  help?: string;
  start(flags: SandboxFlags): Promise<StartedSandbox>;
}
