/** A small organisation in canonical (API) form: what the billing would send the hub. */
export const sample = {
  house: [{ id: 'h1', address: 'г. Челябинск, ул. Молодёжная, д. 3' }],
  premise: [
    { id: 'p1', houseId: 'h1', type: 'flat', number: '12', area: '54.30', cadastral: '74:36:0101001:812' },
    { id: 'p2', houseId: 'h1', type: 'parking', number: '7' },
  ],
  account: [
    {
      number: 'LS-001',
      premiseId: 'p1',
      persons: [
        {
          fullName: 'Иванова Анна Петровна',
          isOwner: true,
          share: '1/2',
          phones: ['+79000000001'],
          emails: ['anna@example.ru'],
        },
      ],
    },
    { number: 'LS-002', premiseId: 'p2' },
  ],
  service: [
    { id: 'hvs', name: 'Холодное водоснабжение', shortName: 'ХВС' },
    { id: 'el', name: 'Электроснабжение', provider: 'ПАО Энергосбыт' },
  ],
  meter: [
    {
      id: 'm1',
      accountNumber: 'LS-001',
      serviceId: 'hvs',
      resource: 'cold_water',
      number: '123',
      installationDate: '2020-01-31',
    },
    {
      id: 'm2',
      accountNumber: 'LS-002',
      serviceId: 'el',
      resource: 'electricity',
      number: 'E-9',
      tariffCount: 2,
      archiveDate: '2024-05-01',
    },
  ],
  reading: [
    { meterId: 'm1', date: '2024-01-25', value1: '12.345' },
    { meterId: 'm2', date: '2024-01-25', value1: '100.10', value2: '50' },
  ],
  balance: [
    { accountNumber: 'LS-001', serviceId: 'hvs', date: '2024-01-01', amount: '1234.56' },
    { accountNumber: 'LS-002', serviceId: 'el', date: '2024-01-01', amount: '-0.30' },
  ],
  transaction: [
    {
      id: 't1',
      accountNumber: 'LS-001',
      serviceId: 'hvs',
      date: '2024-01-01',
      kind: 'charge',
      amount: '2600',
    },
    { id: 't2', accountNumber: 'LS-001', date: '2024-01-15', kind: 'payment', amount: '-1000.10' },
  ],
} as const;

/** Loads the sample in dependency order. */
export async function putSample(
  put: (kind: never, records: readonly unknown[]) => Promise<void>,
): Promise<void> {
  for (const [kind, records] of Object.entries(sample)) await put(kind as never, records);
}
