import type { House } from '../../../domain/model/house.js';
import { ALL_PROPERTIES_DOCUMENT, AllPropertiesData, type DomaProperty } from '../contract/all-properties.js';
import type { DomaContext } from './doma-context.js';
import { domaGraphql } from './doma-graphql.js';
import { PULL_PAGE } from './window-pull.js';

/** The organization's houses, read once per run (a run's context is its own). */
const perRun = new WeakMap<DomaContext, Promise<DomaProperty[]>>();

async function loadProperties(ctx: DomaContext): Promise<DomaProperty[]> {
  const out: DomaProperty[] = [];
  for (let skip = 0; ; skip += PULL_PAGE) {
    const { data } = await domaGraphql(ctx, 'allProperties', {
      query: ALL_PROPERTIES_DOCUMENT,
      variables: {
        where: { organization: { id: ctx.connection.settings.organizationId }, deletedAt: null },
        first: PULL_PAGE,
        skip,
        sortBy: ['id_ASC'],
      },
    });
    const page = AllPropertiesData.safeParse(data).data?.objs ?? [];
    out.push(...page);
    if (page.length < PULL_PAGE) return out;
  }
}

/** Case, «ё», punctuation and spacing do not make two addresses different. */
function normalized(address: string): string {
  return address
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,;№"«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The Doma.ai Property of our house: the connection's `propertyIds` setting, else the house's ФИАС
 * (the platform's `addressMeta.data.house_fias_id`, or its address key), else the same address once
 * case, «ё», punctuation and spacing are set aside. Undefined when none matches.
 */
export async function findDomaProperty(ctx: DomaContext, house: House): Promise<string | undefined> {
  const mapped = ctx.connection.settings.propertyIds[house.id];
  if (mapped) return mapped;
  let loading = perRun.get(ctx);
  if (!loading) {
    loading = loadProperties(ctx);
    perRun.set(ctx, loading);
    loading.catch(() => perRun.delete(ctx));
  }
  const properties = await loading;
  const fias = house.fiasGuid?.toLowerCase();
  const byFias =
    fias &&
    properties.find(
      (p) =>
        p.addressMeta?.data.house_fias_id?.toLowerCase() === fias || p.addressKey?.toLowerCase() === fias,
    );
  if (byFias) return byFias.id;
  const address = normalized(house.address);
  return properties.find((p) => p.address !== null && normalized(p.address) === address)?.id;
}
