import { InvalidArgumentError } from 'commander';

/** commander argParser for counts and ids: commander prints the message beside the option. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number, e.g. 2');
  return n;
}
