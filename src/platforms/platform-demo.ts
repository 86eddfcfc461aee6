import type { HubClient } from '../cli/hub-client.js';
import type { RunLike } from '../cli/sync/run-like.js';
import type { Db } from '../store/open-store.js';

/** What `npm run demo` hands each platform's demo once the generated data is in the hub. */
export interface DemoContext {
  /** The hub's API, authenticated with the demo organization's token. */
  hub: HubClient;
  hubUrl: string;
  orgId: string;
  db: Db;
  /** Triggers a sync of the connection through the API and waits until its runs are final. */
  syncAndWait(
    connectionId: string,
    opts?: { direction?: 'outbound' | 'inbound' | 'both'; kinds?: string[] },
  ): Promise<DemoRun[]>;
  /**
   * Creates the demo's connection and answers its id. The sandbox is new on every demo, so a
   * connection of the same name left by an earlier demo (same data directory) is removed first.
   */
  freshConnection(body: { platform: string; name: string } & Record<string, unknown>): Promise<string>;
  /** Prints a line of the demo's output. */
  log(line: string): void;
}

/** A finished run as the API reports it (`GET /v1/orgs/{org}/runs/{id}`). */
export type DemoRun = RunLike;

/**
 * A platform's part of the demo: starts its sandbox, connects the demo organization to it through
 * the API, syncs, and prints what happened. `close` stops the sandbox when the demo ends.
 */
export interface PlatformDemo {
  platform: string;
  title: string;
  run(ctx: DemoContext): Promise<{ close(): Promise<void> }>;
}
