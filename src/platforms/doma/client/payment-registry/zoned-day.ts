/** The UTC instants where a calendar day starts and ends in a time zone (IANA name): [start, end). */
export function zonedDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const startUtc = Date.parse(`${date}T00:00:00.000Z`);
  const offsetAt = (t: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(t))
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  // The offset at noon of that day: a DST switch at night does not move the day's bounds by a day.
  const offset = offsetAt(startUtc + 12 * 3_600_000);
  return { start: new Date(startUtc - offset), end: new Date(startUtc - offset + 86_400_000) };
}
