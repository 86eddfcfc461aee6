/**
 * The testbed's routes and limits, shared by the sandbox that serves them and the client that calls
 * them, so the two sides cannot drift apart.
 */
export const testbedPaths = {
  login: '/api/login',
  me: '/api/me',
  /** Followed by `/<kind>`. */
  items: '/api/items',
  inbound: '/api/inbound',
  inboundAck: '/api/inbound/ack',
} as const;

/** Defaults of the write limits: a larger batch is refused whole with 413. */
export const TESTBED_MAX_ITEMS = 1000;
export const TESTBED_MAX_BODY_BYTES = 1_048_576;

/** Page size of the inbound queue: the default and the most one request may ask for. */
export const TESTBED_INBOUND_DEFAULT_LIMIT = 200;
export const TESTBED_INBOUND_MAX_LIMIT = 500;
