/**
 * The form column names and enum values are compared in: lower case, «ё» as «е», no whitespace
 * at all (regular, no-break, thin), no trailing colon. So «Лицевой  счёт», «лицевой счет» and
 * «ЛИЦЕВОЙ СЧЕТ:» are one name, and «Л / с» is «Л/с». Punctuation otherwise stays: «Кв.» and «Кв»
 * are both listed where both are written.
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s\u00a0\u2009\u202f\ufeff]+/g, '')
    .replace(/:+$/, '');
}
