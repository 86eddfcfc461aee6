import { readFileSync } from 'node:fs';
import { isJsonObject } from '../domain/json-merge-patch.js';
import { CliError } from './cli-error.js';

/** A JSON object from a file (`--file`), or a one-line CliError naming the file and the problem. */
export function readJsonFile(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (!isJsonObject(value)) throw new CliError(`${file} must hold a JSON object ({…})`);
  return value;
}
