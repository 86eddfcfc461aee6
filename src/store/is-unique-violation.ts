/** A PostgreSQL unique violation (23505), as pg throws it or as drizzle wraps it in `cause`. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return e.code === '23505' || e.cause?.code === '23505';
}
