import { writeUsers } from '../platforms/is74/client/write-users.js';
import type { Db } from '../store/open-store.js';
import type { PreparedRecord } from '../store/record-store.js';
import { upsertRecords } from '../store/record-store.js';
import { prepareRecord } from '../store/record-validation.js';
import type { SecretBox } from '../store/secret-box.js';

export const is74BenchUser = (u: number) => `u${String(u).padStart(7, '0')}`;
export const is74BenchAccount = (i: number) => `ls-${String(i).padStart(7, '0')}`;

/** The bench's contract `i` as the billing writes it (`state` to change it). */
export function is74BenchContract(i: number, state = 'active') {
  const n = is74BenchAccount(i);
  return { id: `c${i}`, accountNumber: n, number: `${n}-1`, state, options: [], tariffIds: ['is74-domofon'] };
}

/** Contract `i`'s balance of `date`, in kopecks. */
export function is74BenchBalance(i: number, date: string, amount: number): PreparedRecord {
  const n = is74BenchAccount(i);
  return prepareRecord(`${n}/domofon/${date}`, { accountNumber: n, serviceId: 'domofon', date, amount });
}

/**
 * Houses of 100 flats with every address part is74 shows, an account, premise, contract and balance
 * per flat, users with two accounts each — written straight to the store, as a billing's import would.
 */
export async function loadIs74BenchData(
  db: Db,
  orgId: string,
  contracts: number,
  users: number,
  box: SecretBox,
): Promise<void> {
  const CHUNK = 5000;
  await upsertRecords(db, orgId, 'tariff', [
    prepareRecord('is74-domofon', {
      id: 'is74-domofon',
      name: 'Домофония',
      serviceId: 'domofon',
      cost: 6500,
      options: [],
    }),
  ]);
  for (let from = 0; from < contracts; from += CHUNK) {
    const to = Math.min(contracts, from + CHUNK);
    const rows: Record<string, PreparedRecord[]> = {
      house: [],
      premise: [],
      account: [],
      contract: [],
      balance: [],
    };
    for (let i = from; i < to; i++) {
      const n = is74BenchAccount(i);
      if (i % 100 === 0) {
        const h = `h${i / 100}`;
        rows.house!.push(
          prepareRecord(h, {
            id: h,
            address: `г. Челябинск, ул. Ленина, ${i / 100}`,
            fiasGuid: `08213690-eb4c-47a1-a509-${String(i / 100).padStart(12, '0')}`,
            region: '74',
            buildingNumber: String(i / 100),
          }),
        );
      }
      const premise = {
        id: `p${i}`,
        houseId: `h${Math.floor(i / 100)}`,
        type: 'flat',
        number: String((i % 100) + 1),
      };
      rows.premise!.push(prepareRecord(premise.id, premise));
      rows.account!.push(
        prepareRecord(n, {
          number: n,
          premiseId: `p${i}`,
          ownerType: 'person',
          state: 'open',
          persons: [],
          phones: [],
          emails: [],
        }),
      );
      rows.contract!.push(prepareRecord(`c${i}`, is74BenchContract(i)));
      rows.balance!.push(is74BenchBalance(i, '2025-01-01', (i % 7) * 1000 - 3000));
    }
    for (const [kind, list] of Object.entries(rows)) await upsertRecords(db, orgId, kind, list);
  }
  for (let from = 0; from < users; from += CHUNK) {
    const batch = [];
    for (let u = from; u < Math.min(users, from + CHUNK); u++) {
      const accounts = [is74BenchAccount(2 * u), is74BenchAccount(2 * u + 1)].filter(
        (_, k) => 2 * u + k < contracts,
      );
      batch.push({
        id: is74BenchUser(u),
        login: `login-${u}`,
        password: `pw-${u}`,
        accountNumbers: accounts,
      });
    }
    await writeUsers(db, box, orgId, batch);
  }
}
