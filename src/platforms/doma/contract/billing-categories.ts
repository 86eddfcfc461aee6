/**
 * Billing category ids we use (from `reference/doma/billing-categories.json`; NOTES.md): «Квартплата»
 * is the platform's default when a receipt names none.
 */
export const DomaBillingCategory = {
  housing: '928c97ef-5289-4daa-b80e-4b9fed50c629',
  capitalRepair: 'c0b9db6a-c351-4bf4-aa35-8e5a500d0195',
} as const;

export const DOMA_DEFAULT_CATEGORY_ID = DomaBillingCategory.housing;

export const domaCategoryNames: Readonly<Record<string, string>> = {
  [DomaBillingCategory.housing]: 'Квартплата',
  [DomaBillingCategory.capitalRepair]: 'Капремонт',
};
