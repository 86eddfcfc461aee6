import type { DomaSettings } from './doma-settings.js';

/**
 * Canonical receipt categories → Doma.ai BillingCategory ids (NOTES.md "registerBillingReceipts",
 * billing-categories.json). A connection's `categories` setting adds others or overrides these.
 */
const BUILT_IN: Readonly<Record<string, string>> = {
  housing: '928c97ef-5289-4daa-b80e-4b9fed50c629', // «Квартплата», the platform's default
  capital_repair: 'c0b9db6a-c351-4bf4-aa35-8e5a500d0195', // «Капремонт»
};

/** The Doma.ai category id of a canonical category, or undefined when the connection maps none. */
export function domaCategoryId(settings: DomaSettings, category: string): string | undefined {
  return settings.categories[category] ?? BUILT_IN[category];
}
