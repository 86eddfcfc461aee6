import { z } from 'zod';

/**
 * A string field checked by a validator that explains itself (null = valid). The issue carries a
 * stable code so API clients can tell "wrong ИНН" from "wrong type".
 */
export function checked(code: string, explain: (value: string) => string | null) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const why = explain(value);
      if (why) ctx.addIssue({ code: 'custom', message: `"${value}": ${why}`, params: { code } });
    });
}
