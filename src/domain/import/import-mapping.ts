import { z } from 'zod';

const columnsAndConstants = {
  /** Column header as written in the file → target (`accountNumber`, `lines.toPay`, `house.address`, `@meterNumber`). */
  columns: z.record(z.string(), z.string()).default({}),
  /** Columns that fill nothing (a remark, a row number). */
  ignore: z.array(z.string()).default([]),
  /** Target → a value every record of the file gets where its own column is absent or empty. */
  constants: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
};

export const KindMapping = z.strictObject(columnsAndConstants);
export type KindMapping = z.output<typeof KindMapping>;

/**
 * A mapping file (`import --mapping map.yaml`, JSON or YAML): what the built-in column names do not
 * cover, and how the export writes its values. `columns`, `ignore` and `constants` at the top apply
 * to every file; those under `kinds.<kind>` only to files of that kind, and win.
 */
export const ImportMapping = z.strictObject({
  ...columnsAndConstants,
  /** How dates are written when not DD.MM.YYYY or YYYY-MM-DD: `DD/MM/YYYY`, `D.M.YYYY`, … */
  dateFormat: z.string().min(1).optional(),
  /** `,` (1С's default) or `.`; says which of `1.234` and `1,234` is a thousand. */
  decimalSeparator: z.enum([',', '.']).optional(),
  /** `negative`: the export writes debt with a minus («долг со знаком минус»); it is turned around. */
  debtSign: z.enum(['positive', 'negative']).default('positive'),
  /** 1С writes local time without a zone; this is the zone of payment times and the like. */
  utcOffset: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'an offset like +05:00')
    .default('+03:00'),
  /** Per kind (`receipts:` or `receipt:`), keyed by the kind's name once read. */
  kinds: z.record(z.string(), KindMapping).default({}),
});
export type ImportMapping = z.output<typeof ImportMapping>;

export const NO_MAPPING: ImportMapping = ImportMapping.parse({});
