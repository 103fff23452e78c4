import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryPage } from '../../../shared/history/seriesHistory';
import { runCadence } from '../../support/runCadence';
import { standupSeries } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';

// `cadence history` as a script runs it: a series' changes by its key, newest first.
let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;

const cadence = (args: string[]) => runCadence(['--data-dir', dataDir, ...args]);

async function importSeries(overrides: Record<string, unknown>): Promise<void> {
  const file = join(dir.path, 'series.json');
  writeFileSync(file, JSON.stringify({ version: 1, series: [standupSeries(1, { key: 'cli', ...overrides })] }));
  expect((await cadence(['import', file])).status).toBe(0);
}

beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
});
afterEach(() => {
  dir.remove();
});

describe('cadence history', () => {
  it('lists a series’ changes by its key, as text and as JSON, and refuses what it cannot read', async () => {
    await importSeries({ name: 'Standup' });
    await importSeries({ name: 'Team standup' });

    const text = await cadence(['history', 'cli']);
    expect(text.status).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/this laptop\s+event · name: "Standup" → "Team standup"$/),
      expect.stringMatching(/this laptop\s+series: — → \{"name":"Standup","attendees":1\}$/),
    ]);

    const json = await cadence(['--json', 'history', 'cli', '--limit', '1']);
    const page = JSON.parse(json.stdout) as HistoryPage;
    expect(page.entries).toMatchObject([{ source: 'here', item: 'event', field: 'name', new: 'Team standup' }]);
    expect(page.next_before).toBeTypeOf('number');

    expect((await cadence(['history', 'cli', '--source', 'zoom'])).stdout).toBe('No changes.\n');
    expect((await cadence(['history', 'cli', '--source', 'laptop'])).status).toBe(2);
    expect((await cadence(['history', 'cli', '--limit', '0'])).status).toBe(2);
    const missing = await cadence(['history', 'no-such-series']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/This series no longer exists/);
  });
});
