import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { domaDocuments } from '../../../../src/platforms/doma/contract/doma-documents.js';
import { domaLimits } from '../../../../src/platforms/doma/contract/doma-limits.js';
import { domaSdl } from '../../../../src/platforms/doma/contract/doma-sdl.js';
import { sharedFile } from '../shared-reference.js';

const realSchemaFile = sharedFile('reference', 'doma', 'condo-schema.graphql');
const ourSchema = buildSchema(domaSdl);

function errorsOf(schema: GraphQLSchema, text: string): string[] {
  return validate(schema, parse(text)).map((e) => e.message);
}

describe('Doma.ai documents against our SDL', () => {
  for (const [name, text] of Object.entries(domaDocuments)) {
    it(`${name} is valid and within the query length limit`, () => {
      expect(errorsOf(ourSchema, text)).toEqual([]);
      expect(text.length).toBeLessThanOrEqual(domaLimits.queryChars);
    });
  }

  it('a document with a field the platform lacks is refused (the check can fail)', () => {
    expect(errorsOf(ourSchema, 'query { allPayments(data: {}) { id } }')).not.toEqual([]);
  });
});

describe.skipIf(!realSchemaFile)('Doma.ai documents against the real condo schema', () => {
  if (!realSchemaFile) console.warn('condo-schema.graphql not found under ../shared/reference/doma: skipped');
  const real = realSchemaFile ? buildSchema(readFileSync(realSchemaFile, 'utf8')) : ourSchema;

  for (const [name, text] of Object.entries(domaDocuments)) {
    it(`${name} validates against condo-schema.graphql`, () => {
      expect(errorsOf(real, text)).toEqual([]);
    });
  }
});
