import { afterEach, describe, expect, it } from 'vitest';
import {
  DOMCONTROL_IMPORT_ORDER,
  domcontrolImports,
} from '../../../src/platforms/domcontrol/contract/domcontrol-paths.js';
import {
  type DomcontrolSandbox,
  startDomcontrolSandbox,
} from '../../../src/platforms/domcontrol/sandbox/start-domcontrol-sandbox.js';
import { call } from './sandbox-helpers.js';
import { seedExamples, seedPath, withoutTrailingCommas } from './seed-examples.js';

const examples = seedExamples();
if (!seedPath())
  console.warn('seed 002 not found under ../shared/seeds or /work/shared/seeds: its examples are skipped');

type Item = Record<string, string>;

const post = (sandbox: DomcontrolSandbox, path: string, body: string) =>
  call(sandbox, 'POST', path, { body });

describe.skipIf(!seedPath())('the seed 002 examples against the sandbox', () => {
  let sandbox: DomcontrolSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('finds one example per import, in the seed order', () => {
    expect(examples).toHaveLength(6);
    DOMCONTROL_IMPORT_ORDER.forEach((name, i) => {
      expect(Object.keys(JSON.parse(withoutTrailingCommas(examples[i]!)))).toEqual([
        domcontrolImports[name].list,
      ]);
    });
  });

  it('answers each example as a strict platform: the ids across the examples do not match', async () => {
    sandbox = await startDomcontrolSandbox();
    const parsed = examples.map(
      (e) => JSON.parse(withoutTrailingCommas(e)) as Record<string, Array<Record<string, string>>>,
    );
    const answers = [];
    for (const [i, name] of DOMCONTROL_IMPORT_ORDER.entries()) {
      answers.push(await post(sandbox, domcontrolImports[name].path, withoutTrailingCommas(examples[i]!)));
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 400, 400, 400, 400]);
    // Ids come from the examples themselves (read from the seed at test time).
    const [, account, counter, reading, balance, transaction] = parsed.map(
      (p) => Object.values(p)[0]![0]!,
    ) as [Item, Item, Item, Item, Item, Item];
    // The counter names an account (and a service) that no example imports.
    expect(answers[2]!.body).toMatchObject({
      error: 'unknown_reference',
      index: 0,
      id: counter.id,
      field: 'account',
    });
    expect(answers[2]!.body.message).toContain(`account "${counter.account}" is not imported`);
    // The reading's counter was never imported (its id even starts with a space).
    expect(answers[3]!.body).toMatchObject({ error: 'unknown_reference', index: 0, field: 'counter' });
    expect(answers[3]!.body.message).toContain(`counter "${reading.counter}" is not imported`);
    expect(answers[4]!.body).toMatchObject({ error: 'unknown_reference', field: 'account' });
    expect(answers[4]!.body.message).toContain(`account "${balance.account}" is not imported`);
    expect(answers[5]!.body).toMatchObject({ error: 'unknown_reference', field: 'account' });
    expect(answers[5]!.body.message).toContain(`account "${transaction.account}" is not imported`);
    expect(sandbox.state().directories).toEqual({
      services: 1,
      accounts: 1,
      counters: 0,
      readings: 0,
      balances: 0,
      transactions: 0,
    });
    expect(sandbox.items('accounts').get(account.id!)).toEqual(account);
    expect(sandbox.stats.refused).toBe(4);
  });

  it('refuses an example with its trailing commas as invalid JSON, naming the position', async () => {
    sandbox = await startDomcontrolSandbox();
    const raw = examples[3]!; // readings: `"current_data3":30, }`
    const comma = /,(\s*)\}/.exec(raw)!;
    const answer = await post(sandbox, domcontrolImports.readings.path, raw);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'invalid_json',
      position: comma.index + 1 + comma[1]!.length,
    });
    expect(answer.body.message).toContain('not valid JSON');
  });
});
