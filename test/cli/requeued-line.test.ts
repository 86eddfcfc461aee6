import { describe, expect, it } from 'vitest';
import { requeuedLine } from '../../src/cli/sync/resend-and-report.js';

describe('what errors retry and resend-all say they queued', () => {
  it('counts every code errors retry re-queued', () => {
    expect(requeuedLine(true, 2, { http_400: 2, dead_letter: 10 })).toBe(
      '12 record(s) with an open error will be sent again: dead_letter 10, http_400 2',
    );
    expect(requeuedLine(true, 0, {})).toBe('no record has an open error: nothing to send again');
  });

  it('says how many records resend-all forgot, and which open errors are among them', () => {
    expect(requeuedLine(false, 300, {})).toBe('300 record(s) will be sent again');
    expect(requeuedLine(false, 300, { dead_letter: 4 })).toBe(
      '300 record(s) will be sent again (open errors among them: dead_letter 4)',
    );
  });
});
