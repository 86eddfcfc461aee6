import { createContext, useContext } from 'react';
import type { Connection, Org, Platform } from './types';

/** What every page of one organisation needs: who it is, its connections, the hub's platforms. */
export interface OrgContext {
  org: Org;
  orgs: Org[];
  platforms: Platform[];
  connections: Connection[];
  reloadConnections: () => Promise<void>;
  /** Whether the token is an admin's (sees every organisation). */
  admin: boolean;
}

export const Ctx = createContext<OrgContext | null>(null);

export function useOrg(): OrgContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('no organisation chosen');
  return c;
}

export function platformTitle(platforms: Platform[], name: string): string {
  const names: Record<string, string> = {
    doma: 'Doma.ai',
    uzhkh: '«Умное ЖКХ»',
    domcontrol: 'DomControl',
    is74: 'is74 (Интерсвязь)',
    testbed: 'Testbed',
  };
  return names[name] ?? platforms.find((p) => p.platform === name)?.platform ?? name;
}

export function connectionName(connections: Connection[], id: string): string {
  return connections.find((c) => c.id === id)?.name ?? id;
}
