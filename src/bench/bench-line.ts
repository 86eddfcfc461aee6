/**
 * The one machine-readable line every benchmark measurement ends with. `limit` is the raw ceiling
 * measured in the same run (machines here are noisy; only the ratio means something).
 */
export function benchLine(m: {
  name: string;
  metric: string;
  ours: number;
  limit: number;
  unit: string;
}): string {
  const ratio = m.limit === 0 ? 0 : m.ours / m.limit;
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n >= 100 ? 0 : 3));
  return `BENCH name=${m.name} metric=${m.metric} ours=${fmt(m.ours)} limit=${fmt(m.limit)} ratio=${ratio.toFixed(3)} unit=${m.unit}`;
}
