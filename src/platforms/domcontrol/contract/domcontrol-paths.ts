/**
 * The six import endpoints of seed 002 (`002_a0130039d12ae5fc.txt`), each a POST of one JSON object
 * holding one array; 201 means imported, 400–500 a failure of the whole request.
 * - §1 "Загрузка списка услуг", §2 "Загрузка списка лицевых счетов", §3 "Загрузка счетчиков",
 *   §4 "Загрузка показаний счетчиков", §5 "Загрузка сальдо", §6 "Загрузка транзакций".
 */
export const domcontrolImports = {
  services: { path: '/api/directory/importservices', list: 'services' },
  accounts: { path: '/api/directory/importaccounts', list: 'accounts' },
  counters: { path: '/api/directory/importcounters', list: 'counters' },
  readings: { path: '/api/counter/import', list: 'counters' },
  balances: { path: '/api/balance/import', list: 'balances' },
  transactions: { path: '/api/transaction/import', list: 'transactions' },
} as const;

export type DomcontrolImport = keyof typeof domcontrolImports;

/** The order the seed lists the imports in, which is also the order references allow. */
export const DOMCONTROL_IMPORT_ORDER: readonly DomcontrolImport[] = [
  'services',
  'accounts',
  'counters',
  'readings',
  'balances',
  'transactions',
];

/** The host every URL of seed 002 names. */
export const DOMCONTROL_DEFAULT_BASE_URL = 'http://domcontrol.mobi';

/** The status seed 002 names for a successful import. */
export const DOMCONTROL_IMPORTED = 201;
