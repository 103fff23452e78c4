import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSeriesFile } from '../../../../shared/drafts/seriesFile';

// Field names that are also names on every object's prototype must be reported like any other
// unknown field: as text naming the field, never as a function's source or an empty object.
const standup = (
  JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as { series: Record<string, unknown>[] }
).series[0];

const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function issuesFor(text: string) {
  const result = validateSeriesFile(JSON.parse(text));
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

describe('unknown fields named like prototype members', () => {
  for (const name of prototypeNames) {
    it(`"${name}" in a series, its recurrence, ticket type, link and an attendee is reported in words`, () => {
      const series = JSON.stringify({ ...standup, attendees: [{ email: 'a@example.com' }] });
      const withKey = (json: string, at: string) => json.replace(at, `${at}"${name}": 1, `);
      let text = withKey(series, '{');
      text = withKey(text, '"recurrence":{');
      text = withKey(text, '"ticket_type":{');
      text = withKey(text, '"registration":{');
      text = withKey(text, '"attendees":[{');
      const issues = issuesFor(`{"version": 1, "series": [${text}]}`);
      const unknown = issues.filter((issue) => issue.path.endsWith(name));
      expect(unknown.map((issue) => issue.path).sort()).toEqual(
        [
          `series[0].${name}`,
          `series[0].attendees[0].${name}`,
          `series[0].recurrence.${name}`,
          `series[0].registration.${name}`,
          `series[0].ticket_type.${name}`,
        ].sort(),
      );
      for (const issue of issues) {
        expect(typeof issue.message).toBe('string');
        expect(issue.message).not.toMatch(/native code|function|\[object/);
      }
      expect(JSON.parse(JSON.stringify(issues))).toEqual(issues);
    });
  }
});
