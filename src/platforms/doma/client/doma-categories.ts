import { DomaBillingCategory } from '../contract/billing-categories.js';
import type { DomaSettings } from './doma-settings.js';

/**
 * Canonical receipt categories → Doma.ai BillingCategory ids (NOTES.md "registerBillingReceipts").
 * A connection's `categories` setting adds others (billing-categories.json has all 18) or overrides these.
 */
const BUILT_IN: Readonly<Record<string, string>> = {
  housing: DomaBillingCategory.housing, // «Квартплата», the platform's default
  capital_repair: DomaBillingCategory.capitalRepair, // «Капремонт»
};

/** The Doma.ai category id of a canonical category, or undefined when the connection maps none. */
export function domaCategoryId(settings: DomaSettings, category: string): string | undefined {
  return settings.categories[category] ?? BUILT_IN[category];
}
