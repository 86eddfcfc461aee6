import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Account } from '../../../src/platforms/uzhkh/contract/account.js';
import { Car } from '../../../src/platforms/uzhkh/contract/car.js';
import { ChangeRecord } from '../../../src/platforms/uzhkh/contract/change-record.js';
import { Counter } from '../../../src/platforms/uzhkh/contract/counter.js';
import { Doc } from '../../../src/platforms/uzhkh/contract/doc.js';
import { Obj } from '../../../src/platforms/uzhkh/contract/obj.js';
import { Payment } from '../../../src/platforms/uzhkh/contract/payment.js';
import { Person } from '../../../src/platforms/uzhkh/contract/person.js';
import { Request } from '../../../src/platforms/uzhkh/contract/request.js';
import { RequestToObjectAdding } from '../../../src/platforms/uzhkh/contract/request-to-object-adding.js';
import { RequestToRegister } from '../../../src/platforms/uzhkh/contract/request-to-register.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedName = '001_17531d00214fc015.txt';
const seedPath = [
  path.resolve(repoRoot, '..', 'shared', 'seeds', seedName),
  `/work/shared/seeds/${seedName}`,
].find((p) => existsSync(p));

/** The entity tables of seed 001, in the order the document gives them. */
const TABLES: Array<[string, z.ZodObject]> = [
  ['Obj', Obj],
  ['Account', Account],
  ['Person', Person],
  ['Counter', Counter],
  ['Request', Request],
  ['Payment', Payment],
  ['Doc', Doc],
  ['RequestToRegister', RequestToRegister],
  ['RequestToObjectAdding', RequestToObjectAdding],
  ['Car', Car],
  ['ChangeRecord', ChangeRecord],
];

/** Each table: rows of (field, required), read from the seed's tab-indented blocks. */
function seedTables(text: string): Array<Array<{ field: string; required: boolean }>> {
  const parts = text.split(/^\tRequired$/m).slice(1);
  return parts.map((part) => {
    const rows: Array<{ field: string; required: boolean }> = [];
    // A row is a block of lines (name, type, description…, да/нет) between blank lines.
    for (const block of part.split(/\n\s*\n/)) {
      const lines = block
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const last = lines.at(-1);
      if (lines.length >= 3 && (last === 'да' || last === 'нет'))
        rows.push({ field: lines[0]!, required: last === 'да' });
    }
    return rows;
  });
}

describe.runIf(seedPath)('«Умное ЖКХ» contract against seed 001', () => {
  const tables = seedTables(readFileSync(seedPath ?? '', 'utf8'));

  it('has a schema for every entity table, with every field and its required flag', () => {
    expect(tables.map((t) => t.length)).toEqual([16, 13, 10, 12, 52, 20, 19, 8, 3, 7, 11]);
    for (const [i, [name, schema]] of TABLES.entries()) {
      const rows = tables[i]!;
      expect(rows.length, name).toBeGreaterThan(1);
      for (const { field, required } of rows) {
        const fieldSchema = schema.shape[field];
        expect(fieldSchema, `${name}.${field}`).toBeDefined();
        const absent = fieldSchema!.safeParse(undefined).success;
        expect(absent, `${name}.${field} ${required ? 'is required' : 'is optional'}`).toBe(!required);
        if (!required)
          expect(fieldSchema!.safeParse(null).success, `${name}.${field} may be null`).toBe(true);
      }
    }
  });
});

describe.skipIf(seedPath)('«Умное ЖКХ» contract against seed 001', () => {
  it.skip('skipped: seed 001 is not at ../shared/seeds or /work/shared/seeds', () => {});
});

describe('«Умное ЖКХ» lenient parsing', () => {
  it('keeps unknown fields, takes numbers as ids and numeric strings as decimals (written as the document does)', () => {
    const counter = Counter.parse({
      Id: 17,
      Value1: '12,5',
      CounterTypeIdentifier: 'WaterColdM3',
      IsPublish: true,
      FlatId: 'O1',
      TypeObject: 'Квартира',
      Extra: { a: 1 },
    });
    expect(counter).toMatchObject({ Id: '17', Value1: '12.5', Extra: { a: 1 } });
    expect(Counter.safeParse({ ...counter, Value1: 'много' }).success).toBe(false);
  });
});
