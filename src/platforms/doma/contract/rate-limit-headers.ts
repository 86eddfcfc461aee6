/** Headers of the complexity rate limit, on every answer (NOTES.md); `reset` is epoch seconds. */
export const DomaRateLimitHeader = {
  limit: 'x-rate-limit-complexity-limit',
  remaining: 'x-rate-limit-complexity-remaining',
  used: 'x-rate-limit-complexity-used',
  reset: 'x-rate-limit-complexity-reset',
} as const;
