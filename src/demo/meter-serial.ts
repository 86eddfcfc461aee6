/** Slots per account: a flat has at most 2 cold, 2 hot water, 1 electricity and 1 heat meter. */
const SLOTS = 8;
const SPACE = 100_000_000;

/**
 * A meter's 8-digit serial number, unique across the whole demo: a bijective scramble of the
 * meter's slot (account index × 8 + its position; 7,654,321 is coprime to 10⁸), offset by the seed.
 * Random serials collided at size (about a dozen pairs in 20,000 accounts), and Doma.ai refuses a
 * second meter with the same number and resource in one organization (METER_NUMBER_TAKEN).
 * Unique up to 12.5 million accounts.
 */
export function meterSerial(seed: number, accountIndex: number, position: number): string {
  if (position < 0 || position >= SLOTS)
    throw new RangeError(`meter position ${position} is not 0..${SLOTS - 1}`);
  const slot = (accountIndex * SLOTS + position) % SPACE;
  return String((slot * 7_654_321 + (seed % SPACE)) % SPACE).padStart(8, '0');
}
