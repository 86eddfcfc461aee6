import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { demoOrganization, generateDemo } from '../../src/demo/generate-demo.js';

function hashAll(records: Iterable<unknown>): { hash: string; count: number } {
  const h = createHash('sha256');
  let count = 0;
  for (const r of records) {
    h.update(JSON.stringify(r));
    h.update('\n');
    count++;
  }
  return { hash: h.digest('hex'), count };
}

it('golden', () => {
  const out = {
    a3000s7: hashAll(generateDemo({ accounts: 3000, seed: 7 })),
    a500: hashAll(generateDemo({ accounts: 500 })),
    org3: hashAll([demoOrganization({ seed: 3 })]),
  };
  writeFileSync(process.env.GOLDEN_OUT ?? '/tmp/golden.json', JSON.stringify(out, null, 2));
});
