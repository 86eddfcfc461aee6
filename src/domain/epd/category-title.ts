/** How a receipt's category reads on the ЕПД and in the QR's purpose; an unknown one reads as written. */
const TITLES: Readonly<Record<string, string>> = {
  housing: 'жилищно-коммунальные услуги',
  capital_repair: 'взнос на капитальный ремонт',
};

export function categoryTitle(category: string): string {
  return TITLES[category] ?? category;
}
