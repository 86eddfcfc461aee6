import type { SandboxSpec } from '../../sandbox-spec.js';
import { startUzhkhSandbox } from './start-uzhkh-sandbox.js';

/** `zhkh-bridge sandbox uzhkh`: the «Умное ЖКХ» emulator (seed 001). */
export const uzhkhSandbox: SandboxSpec = {
  platform: 'uzhkh',
  description: '«Умное ЖКХ»: change queue with Delete, paged downloads, SetId, registration requests',
  options: (cmd) =>
    cmd
      .option('--token <token>', 'bearer token the connector must present (random when absent)')
      .option('--allow-ip <list>', 'registered client IPs, comma-separated', '127.0.0.1,::1')
      .option('--demo', 'start with a few houses of residents and a day of activity queued'),
  help: [
    'Example:',
    '  zhkh-bridge sandbox uzhkh --port 8091 --token secret --demo',
    'Admin routes: GET /_sandbox/state, POST /_sandbox/{reading,meter,ticket,payment,register,',
    'object-adding,car,doc,resident,delete,seed,readings,faults,allow-ips,reset} (see the README).',
  ].join('\n'),
  async start(flags) {
    const sandbox = await startUzhkhSandbox({
      host: flags.host,
      port: Number(flags.port),
      ...(typeof flags.token === 'string' ? { token: flags.token } : {}),
      allowIps: String(flags.allowIp ?? '127.0.0.1,::1')
        .split(',')
        .map((ip) => ip.trim())
        .filter(Boolean),
      ...(flags.demo ? { demo: { houses: 3, flatsPerHouse: 12 } } : {}),
    });
    const banner = [`«Умное ЖКХ» sandbox on ${sandbox.url}`, `token: ${sandbox.token}`];
    banner.push(`allowed IPs: ${sandbox.state().allowIps.join(', ')}`);
    if (sandbox.demo) {
      const { day } = sandbox.demo;
      banner.push(
        `demo: ${sandbox.demo.houses.flats.length} flats; queued ${day.queued} changes (${day.readings} readings, ${day.tickets} заявки, ${day.payments} payments, registration request ${day.registrationRequestId}, new meter ${day.newMeterId})`,
      );
    }
    return { url: sandbox.url, banner, close: () => sandbox.close() };
  },
};
