import { z } from 'zod';

/** Money and quantities travel as decimal strings ("167.10"; answers carry 8 decimals, "167.10000000"). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

/** A decimal string or nothing, as optional money fields are on the wire. */
export const OptionalDecimal = DecimalString.nullable().optional();
