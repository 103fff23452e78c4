import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssuePath, issuesFromZod } from '../../../../shared/ipc/envelope';

describe('formatIssuePath', () => {
  it('writes fields with dots and indexes with brackets', () => {
    expect(formatIssuePath(['series', 0, 'attendees', 3, 'email'])).toBe('series[0].attendees[3].email');
  });

  it('writes the root as an empty path', () => {
    expect(formatIssuePath([])).toBe('');
  });
});

describe('issuesFromZod', () => {
  it('names every unknown field on its own path', () => {
    const schema = z.strictObject({ nested: z.strictObject({ keep: z.string() }) });
    const result = schema.safeParse({ nested: { keep: 'x', extra: 1, other: 2 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesFromZod(result.error)).toEqual([
      { path: 'nested.extra', message: 'This field is not expected here.' },
      { path: 'nested.other', message: 'This field is not expected here.' },
    ]);
  });

  it('keeps the path and message of other problems', () => {
    const result = z.object({ list: z.array(z.number()) }).safeParse({ list: [1, 'two'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = issuesFromZod(result.error);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('list[1]');
    expect(issues[0]?.message).toMatch(/number/);
  });
});
