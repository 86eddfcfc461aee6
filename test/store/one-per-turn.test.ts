import { describe, expect, it } from 'vitest';
import { OnePerTurn } from '../../src/store/one-per-turn.js';

/** Runs `queue` on a fresh OnePerTurn and answers the order its callbacks ran in. */
async function order(queue: Array<[name: string, small: boolean]>): Promise<string[]> {
  const turns = new OnePerTurn();
  const ran: string[] = [];
  await new Promise<void>((done) => {
    let left = queue.length;
    for (const [name, small] of queue)
      turns.run(() => {
        ran.push(name);
        if (--left === 0) done();
      }, small);
  });
  return ran;
}

describe('OnePerTurn: answers one per turn of the event loop, small ones first', () => {
  it('runs each callback in a turn of its own, after the sockets had their poll', async () => {
    const turns = new OnePerTurn();
    const seen: string[] = [];
    // A timer due by the end of the first answer fires in the timers phase of the next turn: between
    // two answers, where a burst run in one go would put it after all three.
    await new Promise<void>((done) => {
      turns.run(() => {
        seen.push('a');
        setTimeout(() => seen.push('timer'), 0);
        const due = performance.now() + 3;
        while (performance.now() < due) {} // the timer (1 ms) is due before this turn ends
      });
      turns.run(() => seen.push('b'));
      turns.run(() => {
        seen.push('c');
        done();
      });
    });
    expect(seen.indexOf('timer')).toBeGreaterThan(seen.indexOf('a'));
    expect(seen.indexOf('timer')).toBeLessThan(seen.indexOf('c'));
  });

  it('keeps arrival order within each size', async () => {
    expect(
      await order([
        ['L1', false],
        ['L2', false],
        ['L3', false],
      ]),
    ).toEqual(['L1', 'L2', 'L3']);
    expect(
      await order([
        ['S1', true],
        ['S2', true],
      ]),
    ).toEqual(['S1', 'S2']);
  });

  it('puts small answers ahead of large ones, at most eight in a row while a large one waits', async () => {
    const large: Array<[string, boolean]> = [1, 2, 3].map((i) => [`L${i}`, false]);
    const small: Array<[string, boolean]> = Array.from({ length: 20 }, (_, i) => [`S${i + 1}`, true]);
    const ran = await order([...large, ...small]);
    const s = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `S${from + i}`);
    expect(ran).toEqual([...s(1, 8), 'L1', ...s(9, 16), 'L2', ...s(17, 20), 'L3']);
  });

  it('takes an error or a result of at most one row for small, anything longer for large', () => {
    expect(OnePerTurn.isSmall({ rows: [] })).toBe(true);
    expect(OnePerTurn.isSmall({ rows: [{ key: 'a' }] })).toBe(true);
    expect(OnePerTurn.isSmall({ rows: [{}, {}] })).toBe(false);
    expect(OnePerTurn.isSmall([{ rows: [] }, { rows: [] }])).toBe(false); // several statements' results
    expect(OnePerTurn.isSmall(undefined, true)).toBe(true);
    expect(OnePerTurn.isSmall({ rows: [{}, {}] }, true)).toBe(true);
    expect(OnePerTurn.isSmall(null)).toBe(true);
  });
});
