import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts a sandbox's server and answers its base URL (`http://host:port`, no trailing slash). The
 * keep-alive timeout is longer than undici's, so a client's pooled connections are not cut under it.
 */
export async function listenServer(server: Server, host: string, port: number): Promise<string> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}
