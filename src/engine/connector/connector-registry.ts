import type { Connector } from './connector.js';

/** The platforms a hub knows, by name. Built by the caller (the CLI wires in every platform folder). */
export class ConnectorRegistry {
  private readonly byName = new Map<string, Connector>();

  constructor(connectors: readonly Connector[] = []) {
    for (const c of connectors) this.add(c);
  }

  add(connector: Connector): this {
    this.byName.set(connector.platform, connector);
    return this;
  }

  get(platform: string): Connector | undefined {
    return this.byName.get(platform);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
