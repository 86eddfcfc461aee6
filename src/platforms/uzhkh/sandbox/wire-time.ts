/**
 * The platform's DateTime on the wire: local time without a zone ("2024-05-01T10:00:00"), as .NET
 * serialises an unspecified DateTime. The sandbox runs on Moscow time (UTC+3).
 */
export function wireTime(at: Date): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 19);
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/;

/**
 * A snapshot as served under the `dateStyle` fault: `culture` writes each DateTime field the way
 * .NET's `ToString()` does under the Russian culture, "1.5.2024 9:30:00" (day first, no padding).
 */
export function servedSnapshot(
  snapshot: Record<string, unknown>,
  style: 'iso' | 'culture',
): Record<string, unknown> {
  if (style === 'iso') return snapshot;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    const m = typeof value === 'string' ? ISO.exec(value) : null;
    out[key] = m ? `${Number(m[3])}.${Number(m[2])}.${m[1]} ${Number(m[4])}:${m[5]}:${m[6]}` : value;
  }
  return out;
}
