import { domaCategoryNames } from '../contract/billing-categories.js';

/**
 * All billing categories the platform knows (ids from `reference/doma/billing-categories.json`); a
 * receipt naming another gets BILLING_CATEGORY_NOT_FOUND.
 */
export const knownCategories: ReadonlyMap<string, string> = new Map([
  ...Object.entries(domaCategoryNames),
  ['9c29b499-6594-4479-a2a7-b6553587d6e2', 'Электричество'],
  ['ebf9524e-b5ad-44ef-9343-01ab6147d400', 'Отопление и горячая вода'],
  ['b84acc8b-ee9d-401c-bde6-75a284d84789', 'Холодная вода'],
  ['40053ebf-7a67-4b9d-8637-a6f398ad7d3c', 'Газ'],
  ['182998d2-ed32-4b1a-8876-982f7e7eb645', 'Мусор'],
  ['42623528-1f4d-407f-87da-0543dfc905b2', 'Паркинг'],
  ['35b0030f-d691-458a-a902-a6985f58d82e', 'Кладовка'],
  ['11bb27ce-3f11-40f2-8fdf-f6aa1364df08', 'Интернет'],
  ['4c4c96d2-73f4-4df1-a346-bafa11070e31', 'Радио'],
  ['fff4549a-8abc-42d1-b888-93ffd49a7366', 'Домофон'],
  ['6d6e0e48-e3af-4992-9b50-c52208a8f040', 'Антенна'],
  ['1b2371e0-8dc6-497a-bab2-de7421c622a5', 'Отопление'],
  ['ceede926-055d-417b-b6ef-b2161ed7b684', 'Взносы'],
  ['800a4216-b27f-4466-b359-5964b347371f', 'Водоотведение'],
  ['55dd01e4-a87c-4713-8a91-951516b543f3', 'Страхование'],
  ['11d66984-5316-4cad-991f-5a7002b66149', 'Горячая вода'],
]);
