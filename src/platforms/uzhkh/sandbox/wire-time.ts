/**
 * The platform's DateTime on the wire: local time without a zone ("2024-05-01T10:00:00"), as .NET
 * serialises an unspecified DateTime. The sandbox runs on Moscow time (UTC+3).
 */
export function wireTime(at: Date): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 19);
}
