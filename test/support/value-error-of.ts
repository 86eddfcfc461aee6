import { ValueError } from '../../src/domain/value-error.js';

/** The ValueError `action` throws; fails the test when it throws nothing or something else. */
export function errorOf(action: () => unknown): ValueError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValueError) return error;
    throw error;
  }
  throw new Error('expected a ValueError, nothing was thrown');
}
