/** Russian formats: `25 262,67 ₽`, `1 234`, dates in the operator's own time zone. */
const NBSP = '\u00a0';
const int = new Intl.NumberFormat('ru-RU');
const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : int.format(n);
}

/**
 * The API's money is a decimal string in rubles ("25262.67"): formatted from the digits, never
 * through a float, so no kopeck is lost on a large sum.
 */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign, rubles, kop = ''] = m;
  const grouped = rubles!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign ? '−' : ''}${grouped},${kop.padEnd(2, '0')}${NBSP}₽`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatDuration(from: string | null, to: string | null): string {
  if (!from) return '—';
  const ms = (to ? Date.parse(to) : Date.now()) - Date.parse(from);
  if (ms < 1000) return `${ms}${NBSP}мс`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1).replace('.', ',')}${NBSP}с`;
  return `${Math.floor(s / 60)}${NBSP}мин ${Math.round(s % 60)}${NBSP}с`;
}

/** The operator's time zone, shown so "10:00" is never ambiguous. */
export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
