/**
 * A value that cannot be accepted into the canonical model. `code` is stable and machine-readable
 * (it reaches API clients as the per-record error code); `message` is for people.
 */
export class ValueError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ValueError';
    this.code = code;
  }
}
