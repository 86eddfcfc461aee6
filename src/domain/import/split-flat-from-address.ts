/**
 * 1С often writes the flat into the address: «г. Челябинск, ул. Ленина, д. 5, кв. 12». When an
 * export has no flat column, the flat is taken from the end of the address (кв., квартира, пом.,
 * помещение, ком., комната, оф.), and the rest is the house's address. Undefined when the address
 * ends in no such part.
 */
export function splitFlatFromAddress(address: string): { houseAddress: string; number: string } | undefined {
  const m = FLAT_AT_END.exec(address);
  if (m === null) return undefined;
  const houseAddress = address.slice(0, m.index).replace(/[\s,]+$/, '');
  return houseAddress === '' ? undefined : { houseAddress, number: m[1]! };
}

const FLAT_AT_END =
  /[\s,]+(?:кв|квартира|пом|помещение|ком|комната|оф|офис)\.?\s*№?\s*([0-9][0-9а-яёa-z/-]*)\s*$/i;
