/**
 * Inbound ids are `in-<n>` with n growing; the order of n is the order the platform received the
 * records, which is what a client checkpoint compares. Answers NaN-free: -1 for a foreign id.
 */
export function inboundSequence(id: string): number {
  if (!id.startsWith('in-')) return -1;
  const n = Number(id.slice(3));
  return Number.isSafeInteger(n) && n >= 0 ? n : -1;
}

export function inboundId(sequence: number): string {
  return `in-${sequence}`;
}
