import type { z } from 'zod';

export interface RecordError {
  /** Stable, machine-readable: a domain code (inn_invalid, money_scale…) or the zod issue code. */
  code: string;
  /** Dotted path of the field inside the record ("lines.3.toPay"); "" for the record itself. */
  path: string;
  message: string;
}

/** Turns zod issues into per-record errors that name the field and carry a stable code. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], limit = 20): RecordError[] {
  return issues.slice(0, limit).map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    const code = typeof params?.code === 'string' ? params.code : issue.code;
    return { code, path: issue.path.map(String).join('.'), message: issue.message };
  });
}
