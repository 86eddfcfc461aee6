import type { Account } from '../model/account.js';

/** Whom a receipt names as the payer: the account's owner name, else its first owner, else its first person. */
export function payerName(account: Pick<Account, 'ownerName' | 'persons'>): string | undefined {
  return (
    account.ownerName ?? account.persons.find((p) => p.isOwner)?.fullName ?? account.persons[0]?.fullName
  );
}

/** "Иванов Иван Иванович" → surname, given name, patronymic (what ГОСТ's LastName/FirstName/MiddleName hold). */
export function splitFullName(fullName: string): {
  lastName: string;
  firstName?: string;
  middleName?: string;
} {
  const [lastName = fullName, firstName, ...rest] = fullName.trim().split(/\s+/);
  return {
    lastName,
    ...(firstName ? { firstName } : {}),
    ...(rest.length > 0 ? { middleName: rest.join(' ') } : {}),
  };
}
