import pg from 'pg';
import { OnePerTurn } from './one-per-turn.js';

const answers = new OnePerTurn();
type Callback = (err: Error | null, res: unknown) => void;

/**
 * A PostgreSQL client whose answers go on one per turn of the event loop, small ones first (see
 * OnePerTurn): ten pooled connections answering in one poll otherwise run ten continuations back to
 * back before the hub reads its next request. Cursors and streams (`submit`) are left as they are.
 */
export class TurnTakingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; all pass through.
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[0]?.submit === 'function') return super.query.apply(this, args as never);
    if (typeof args[last] === 'function') {
      const callback = args[last] as Callback;
      args[last] = (err: Error | null, res: unknown) =>
        answers.run(() => callback(err, res), OnePerTurn.isSmall(res, Boolean(err)));
      return super.query.apply(this, args as never);
    }
    const result = super.query.apply(this, args as never) as unknown;
    if (!(result instanceof Promise)) return result;
    return result.then(
      (value) => new Promise((resolve) => answers.run(() => resolve(value), OnePerTurn.isSmall(value))),
      (err) => new Promise((_, reject) => answers.run(() => reject(err), true)),
    );
  }
}
