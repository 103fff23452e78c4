import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/tempDir';

function expand(stdin: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['main/cli/bin.js', 'expand'], {
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const standup = {
  timezone: 'America/New_York',
  start_time: '2025-01-06T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 12, duration: 30 },
};

describe('cadence expand', () => {
  it('prints the occurrences as one JSON document', () => {
    const result = expand(JSON.stringify(standup));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      occurrences: { index: number; start_time: string; end_time: string }[];
    };
    expect(output.occurrences).toHaveLength(12);
    expect(output.occurrences[0]).toEqual({
      index: 1,
      start_time: '2025-01-06T15:00:00Z',
      end_time: '2025-01-06T15:30:00Z',
    });
    expect(output.occurrences[11]).toEqual({
      index: 12,
      start_time: '2025-03-24T14:00:00Z',
      end_time: '2025-03-24T14:30:00Z',
    });
  });

  it('exits 2 with a JSON error naming each offending field', () => {
    const result = expand(
      JSON.stringify({ ...standup, recurrence: { type: 2, monthly_week_day: 1, end_times: 12, duration: 30 } }),
    );
    expect(result.status).toBe(2);
    const output = JSON.parse(result.stdout) as {
      error: { code: string; issues: { path: string; message: string }[] };
    };
    expect(output.error.code).toBe('invalid_input');
    expect(output.error.issues.map((issue) => issue.path)).toEqual(['recurrence.monthly_week_day']);
    expect(result.stderr).toContain('recurrence.monthly_week_day: Weekly series take their days in weekly_days');
  });

  it('exits 2, not 1, for times that match the format but name no real date', () => {
    const result = expand(
      JSON.stringify({
        ...standup,
        start_time: '2025-13-01T15:00:00Z',
        recurrence: { type: 1, end_date_time: 'next week', duration: 30 },
      }),
    );
    expect(result.status).toBe(2);
    const output = JSON.parse(result.stdout) as { error: { issues: { path: string; message: string }[] } };
    expect(output.error.issues).toEqual([
      { path: 'start_time', message: 'This date or time does not exist.' },
      { path: 'recurrence.end_date_time', message: 'Write the time as YYYY-MM-DDTHH:MM:SSZ (UTC).' },
    ]);
  });

  it('says which linked events on Zoom a series of more than 60 sessions becomes, and refuses more than 1,100', () => {
    const daily = {
      timezone: 'America/New_York',
      start_time: '2027-01-04T14:00:00Z',
      recurrence: { type: 1, end_times: 260, duration: 15 },
    };
    const result = expand(JSON.stringify(daily));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      occurrences: { index: number; start_time: string; end_time: string }[];
      parts: { part: string; first_occurrence: number; count: number; start_time: string; end_time: string }[];
    };
    expect(output.occurrences).toHaveLength(260);
    expect(output.parts.map((part) => [part.part, part.first_occurrence, part.count])).toEqual([
      ['part 1 of 5', 1, 60],
      ['part 2 of 5', 61, 60],
      ['part 3 of 5', 121, 60],
      ['part 4 of 5', 181, 60],
      ['part 5 of 5', 241, 20],
    ]);
    expect(output.parts[1]).toMatchObject({
      start_time: output.occurrences[60]?.start_time,
      end_time: output.occurrences[119]?.end_time,
    });
    const tooLong = expand(JSON.stringify({ ...daily, recurrence: { ...daily.recurrence, end_times: 1101 } }));
    expect(tooLong.status).toBe(2);
    expect(JSON.parse(tooLong.stdout)).toMatchObject({ error: { issues: [{ path: 'recurrence.end_times' }] } });
  });

  it('exits 2 for input that is not JSON', () => {
    const result = expand('{"timezone": ');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: '' }] } });
  });

  it('needs no data directory and no network', () => {
    const dir = makeTempDir();
    try {
      const dataDir = join(dir.path, 'never-created');
      const result = expand(JSON.stringify(standup), {
        CADENCE_DATA_DIR: dataDir,
        CADENCE_ZOOM_API_URL: 'http://127.0.0.1:9/v2',
      });
      expect(result.status).toBe(0);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
