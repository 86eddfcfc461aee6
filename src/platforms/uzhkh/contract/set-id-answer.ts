/**
 * seed 001 §"Присвоение Id": `SetId` types and answers. The answer body is the word itself (the
 * sandbox sends it as a JSON string; the client accepts a bare word too).
 */
export const SET_ID_TYPES = [
  'counter',
  'resident',
  'payment',
  'account',
  'request',
  'object',
  'article',
  'news',
  'notice',
] as const;
export type SetIdType = (typeof SET_ID_TYPES)[number];

export const SET_ID_ANSWERS = {
  notAuthorized: 403,
  noData: 404,
  notFound: 404,
  unknownType: 404,
  success: 200,
  error: 500,
} as const;
export type SetIdAnswer = keyof typeof SET_ID_ANSWERS;

/** The word of an answer body (`"success"` or `success`), or undefined when it is none of them. */
export function setIdAnswerOf(body: string): SetIdAnswer | undefined {
  const word = body.trim().replace(/^"|"$/g, '');
  return Object.hasOwn(SET_ID_ANSWERS, word) ? (word as SetIdAnswer) : undefined;
}
