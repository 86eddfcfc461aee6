import { describe, expect, it } from 'vitest';
import { formatTable, wrapText } from '../../src/cli/format-table.js';
import { applyPaths, collectSet, collectUnset } from '../../src/cli/set-option.js';

describe('formatTable', () => {
  it('wraps the long column onto continuation lines, cutting nothing', () => {
    const message =
      'the platform refused the record because the meter number is already taken by another meter';
    const text = formatTable(
      ['id', 'code', 'message'],
      [
        [7, 'METER_NUMBER_TAKEN', message],
        [12, 'x', 'short'],
      ],
      { wrap: 2, width: 60 },
    );
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^id\s+code\s+message$/);
    expect(lines[1]).toMatch(/^ 7\s+METER_NUMBER_TAKEN\s+the platform/);
    // Continuation lines leave the other columns blank, and the words come back whole.
    const wrapped = lines.slice(1, -1);
    expect(wrapped.length).toBeGreaterThan(1);
    for (const l of wrapped.slice(1)) expect(l).toMatch(/^ {24}\S/);
    expect(wrapped.map((l) => l.slice(24)).join(' ')).toBe(message);
    expect(lines.at(-1)).toMatch(/^12\s+x\s+short$/);
  });

  it('keeps a table narrower than the width as it is, numbers right-aligned and dashes left', () => {
    expect(
      formatTable(
        ['n', 'v'],
        [
          [5, '-'],
          [100, 'a'],
        ],
        { wrap: 1, width: 80 },
      ),
    ).toBe('  n  v\n  5  -\n100  a');
  });

  it('breaks a word longer than the line', () => {
    expect(wrapText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });
});

describe('--set and --unset', () => {
  it('reads JSON values, text otherwise, and credentials always as text', () => {
    let sets = collectSet('settings.sync.schedule=0 3 * * *');
    sets = collectSet('settings.batchSize=500', sets);
    sets = collectSet('settings.auth={"mode":"bearer"}', sets);
    sets = collectSet('settings.organization="0042"', sets);
    sets = collectSet('credentials.password=12345678', sets);
    sets = collectSet('enabled=false', sets);
    sets = collectUnset('settings.sync.retry', sets);
    expect(applyPaths({ settings: { sync: { retry: { maxAttempts: 2 } } } }, sets)).toEqual({
      settings: {
        sync: { schedule: '0 3 * * *', retry: null },
        batchSize: 500,
        auth: { mode: 'bearer' },
        organization: '0042',
      },
      credentials: { password: '12345678' },
      enabled: false,
    });
  });

  it('refuses what is not path=value', () => {
    expect(() => collectSet('schedule')).toThrow(/path=value/);
    expect(() => collectSet('settings..x=1')).toThrow(/dotted path/);
  });
});
