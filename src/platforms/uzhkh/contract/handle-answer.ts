/**
 * The two Handle methods' answers. The seed names none; the sandbox answers like `SetId` does (a
 * JSON word): `success` 200, `notFound` 404 for an unknown request id, `noData` 404 without `id`,
 * `notAuthorized` 403, `error` 500 — a decision recorded in the README.
 */
export const HANDLE_ANSWERS = {
  success: 200,
  notFound: 404,
  noData: 404,
  notAuthorized: 403,
  error: 500,
} as const;
export type HandleAnswer = keyof typeof HANDLE_ANSWERS;
