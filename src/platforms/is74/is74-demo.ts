import { randomBytes } from 'node:crypto';
import type { PlatformDemo } from '../platform-demo.js';
import { startIs74Sandbox } from './sandbox/start-is74-sandbox.js';

const NAME = 'is74-demo';
const TARIFFS = ['is74-domofon', 'is74-video', 'is74-kosmos', 'is74-snezhny'];

interface DemoContract {
  id: string;
  accountNumber: string;
  state: string;
  tariffIds: string[];
  options: Array<{ name: string }>;
}

/**
 * `npm run demo`, is74: the core sandbox signs residents in through the Data Provider the hub
 * serves, the billing lowers a balance, the callback makes the core pull again and block the
 * intercom, and a payment restores it.
 */
export const is74Demo: PlatformDemo = {
  platform: 'is74',
  title: 'is74 (Интерсвязь): Data Provider API, callbacks, permissions in the core sandbox',
  async run(ctx) {
    const org = encodeURIComponent(ctx.orgId);
    const sandbox = await startIs74Sandbox({
      callbackUser: 'core',
      callbackPassword: randomBytes(12).toString('hex'),
    });
    try {
      const token = randomBytes(24).toString('base64url');
      const conn = {
        id: await ctx.freshConnection({
          platform: 'is74',
          name: NAME,
          settings: { coreUrl: sandbox.url, tariffIds: TARIFFS },
          credentials: {
            token,
            callbackUser: 'core',
            callbackPassword: sandbox.state.config.callbackPassword,
          },
        }),
      };
      const provider = `${ctx.hubUrl}/p/is74/${conn.id}`;
      sandbox.configure({ providerUrl: provider, providerToken: token });

      // A few residents with a plain intercom contract get is74 logins.
      const contracts = (await ctx.hub.get(`/v1/orgs/${org}/contracts?limit=1000`)).body.items.map(
        (i: { data: DemoContract }) => i.data,
      ) as DemoContract[];
      const chosen = contracts
        .filter((c) => c.state === 'active' && c.tariffIds.includes('is74-domofon') && c.options.length < 2)
        .slice(0, 3);
      if (chosen.length === 0) {
        ctx.log('no active intercom contract in the demo data; nothing to show');
        return { close: () => sandbox.close() };
      }
      const users = chosen.map((c, i) => ({
        id: `is74-${c.accountNumber}`,
        login: `demo${i + 1}`,
        password: randomBytes(9).toString('base64url'),
        fullName: `Житель ${i + 1}`,
        accountNumbers: [c.accountNumber],
      }));
      await ctx.hub.post(`/v1/orgs/${org}/is74/users`, users);
      ctx.log(
        `Data Provider for the core: ${provider}/api/… (bearer token); ${users.length} is74 users created`,
      );

      sandbox.setServicePermissions('domofon', ['open_from_app', 'intercom_live', 'call_log']);
      sandbox.setThreshold('is74-domofon', -10000);
      await ctx.syncAndWait(conn.id);
      const user = users[0]!;
      await sandbox.login(user.login, user.password);
      const show = (when: string) => {
        const d = sandbox.permissions(user.id);
        const balance = sandbox.state.users.get(user.id)?.contracts[0]?.balance ?? 0;
        ctx.log(
          `${when}: balance ${(balance / 100).toFixed(2)} ₽ → ${d.reason} [${d.permissions.join(', ')}]`,
        );
      };
      show(`${user.login} signs in to the core`);

      const debt = { accountNumber: user.accountNumbers[0], serviceId: 'domofon', date: '2099-12-31' };
      const step = async (amount: string, what: string) => {
        const seen = sandbox.state.callbacks.length;
        await ctx.hub.post(`/v1/orgs/${org}/balances`, [{ ...debt, amount }]);
        const [run] = await ctx.syncAndWait(conn.id);
        const calls = sandbox.state.callbacks.slice(seen).map((c) => `${c.path} ${JSON.stringify(c.body)}`);
        ctx.log(
          `billing: ${what}; sync run ${run?.id} ${run?.state}, callback ${calls.join('; ') || '(none)'}`,
        );
        show('  the core pulled again');
      };
      await step('-100000.00', 'a payment of 100 000 ₽ on the intercom');
      await step('100000.00', 'the payment is reversed: 100 000 ₽ owed');
      // The demo data is left as generated: the extra balance goes, and the core is told.
      await ctx.hub.post(`/v1/orgs/${org}/balances/delete`, {
        keys: [`${debt.accountNumber}/${debt.serviceId}/${debt.date}`],
      });
      await ctx.syncAndWait(conn.id);
      return { close: () => sandbox.close() };
    } catch (err) {
      await sandbox.close();
      throw err;
    }
  },
};
