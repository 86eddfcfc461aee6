/** Leaves out undefined fields: Doma.ai treats a missing field and a null differently (a null may crash it). */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
