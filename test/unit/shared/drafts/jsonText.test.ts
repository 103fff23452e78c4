import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../../shared/drafts/jsonText';

describe('parseJsonText', () => {
  it('names every key given twice by its path, however deep', () => {
    const text =
      '{"series": [{"a": 1}, {"attendees": [{"email": "x"}, {"email": "y", "email": "z"}], "b": 1, "b": 2}]}';
    expect(parseJsonText(text, 'file.json')).toEqual({
      ok: false,
      message: 'file.json gives a field twice in the same place.',
      issues: [
        { path: 'series[1].attendees[1].email', message: 'The field "email" is given twice here; keep one.' },
        { path: 'series[1].b', message: 'The field "b" is given twice here; keep one.' },
      ],
    });
  });

  it('reads keys by their value, escapes included, and the same key in sibling objects is fine', () => {
    expect(parseJsonText('[{"a": 1}, {"a": 2}, {"\\u0061": 1, "c": {"a": 1}}]', 'f')).toMatchObject({ ok: true });
    expect(parseJsonText('{"\\u0061": 1, "a": 2}', 'f')).toMatchObject({ ok: false, issues: [{ path: 'a' }] });
  });

  it('accepts a byte-order mark and refuses text that is not JSON', () => {
    expect(parseJsonText('\uFEFF{"version": 1}', 'f')).toEqual({ ok: true, value: { version: 1 } });
    expect(parseJsonText('{"version": ', 'f')).toMatchObject({ ok: false, message: 'f is not valid JSON.' });
  });
});
