import { formatMoney } from '../../domain/money.js';

/** Kopecks as a Russian document writes rubles: "4 225,57", "-12,30". */
export function rubles(kopecks: number): string {
  const [int = '0', frac = '00'] = formatMoney(Math.abs(kopecks)).split('.');
  return `${kopecks < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ' ')},${frac}`;
}

/** An amount or a dash when there is none (a resident reads "—" as nothing, "0,00" as a figure). */
export function rublesOrDash(kopecks: number | undefined): string {
  return kopecks === undefined || kopecks === 0 ? '—' : rubles(kopecks);
}

/** "1.125" → "1,125". */
export function decimalText(value: string | undefined): string {
  return value === undefined ? '' : value.replace('.', ',');
}

/** "2026-11-15" → "15.11.2026". */
export function dateText(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
