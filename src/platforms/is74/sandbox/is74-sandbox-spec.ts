import type { SandboxSpec } from '../../sandbox-spec.js';
import { startIs74Sandbox } from './start-is74-sandbox.js';

/** `zhkh-bridge sandbox is74`: the platform core, pointed at any Data Provider (ours or a billing's). */
export const is74Sandbox: SandboxSpec = {
  platform: 'is74',
  description:
    'the is74 core: signs residents in through a Data Provider, takes callbacks, decides permissions',
  options: (cmd) =>
    cmd
      .option('--provider <url>', 'Data Provider base URL (ours: http://hub/p/is74/<connection>)')
      .option('--provider-token <token>', 'bearer token the provider expects')
      .option('--provider-user <user>', 'Basic user the provider expects')
      .option('--provider-password <password>', 'Basic password the provider expects')
      .option('--callback-user <user>', 'Basic user callbacks must present', 'core')
      .option(
        '--callback-password <password>',
        'Basic password callbacks must present',
        'core-callback-secret',
      ),
  help: `
Example:
  zhkh-bridge sandbox is74 --port 8074 --provider http://127.0.0.1:8080/p/is74/<connection> --provider-token <token>
  curl -X POST localhost:8074/_sandbox/login -d '{"login":"1595","pswd":"..."}'
  curl localhost:8074/_sandbox/users/<ext_user_id>/permissions
Admin routes: GET /_sandbox/, PUT /_sandbox/{config,org}, PUT /_sandbox/tariffs/<id> {threshold},
PUT /_sandbox/services/<id> {permissions}, PUT /_sandbox/users/<id>/entrance {access},
POST /_sandbox/faults {failCallbacks}, POST /_sandbox/reset.`,
  async start(flags) {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const sb = await startIs74Sandbox({
      host: flags.host,
      port: Number(flags.port),
      providerUrl: str(flags.provider),
      providerToken: str(flags.providerToken),
      providerUser: str(flags.providerUser),
      providerPassword: str(flags.providerPassword),
      callbackUser: str(flags.callbackUser),
      callbackPassword: str(flags.callbackPassword),
    });
    return {
      url: sb.url,
      banner: [
        `is74 core sandbox on ${sb.url}`,
        `provider: ${sb.state.config.providerUrl ?? '(none yet: PUT /_sandbox/config)'}`,
        `callbacks: ${sb.url}/api/v1/mb/callback/{contract,charge}, Basic user ${sb.state.config.callbackUser}`,
      ],
      close: () => sb.close(),
    };
  },
};
