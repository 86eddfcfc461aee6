/** A valid account in the API input form, for tests. */
export const accountFixture = (n: string, extra: Record<string, unknown> = {}) => ({
  number: n,
  premiseId: `p-${n}`,
  ownerName: 'Иванов Иван Иванович',
  persons: [{ fullName: 'Иванов Иван Иванович', isOwner: true, phones: ['+7 912 000-00-00'] }],
  ...extra,
});
