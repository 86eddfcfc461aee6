/**
 * Paths of the Data Provider API the billing serves (seed 003 §"Методы для реализации обмена
 * данными") and of the core's callbacks (seed 003 §"CallBack"). Paths only: the host is the
 * provider's base URL, or the core's.
 */
export const is74Paths = {
  auth: '/api/auth',
  users: '/api/users',
  contracts: '/api/contracts',
  services: '/api/services',
  tariffs: '/api/tariffs',
  charges: '/api/charges',
  contractCallback: '/api/v1/mb/callback/contract',
  chargeCallback: '/api/v1/mb/callback/charge',
} as const;
