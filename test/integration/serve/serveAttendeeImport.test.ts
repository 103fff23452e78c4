import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importParts } from '../../../renderer/lib/importParts';
import { startInProcessServe } from '../../support/inProcessServe';
import { makeTempDir } from '../../support/tempDir';

// A large attendee import as the app's window sends it: in parts over real HTTP through
// `cadence serve` (whose request limit stays 1 MiB), written to a real SQLite file at once.
let dir: ReturnType<typeof makeTempDir>;
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let seriesId: string;

const start = () => startInProcessServe({ dataDir: dir.path, probe: () => Promise.resolve(false) });

beforeEach(async () => {
  dir = makeTempDir();
  app = await start();
  const series = {
    name: 'Company All-Hands',
    timezone: 'Europe/Berlin',
    event_type: 'RECURRING',
    start_time: '2027-01-04T09:00:00Z',
    recurrence: { type: 2, weekly_days: [2], end_times: 12, duration: 60 },
    ticket_type: { name: 'Seat' },
    registration: { link_name: 'Register' },
    attendees: [{ email: 'person7@example.com', first_name: 'Already', last_name: 'Here' }],
  };
  const imported = await call<{ series: { id: string }[] }>('drafts.import', {
    file: { version: 1, series: [series] },
  });
  seriesId = imported.value?.series[0]?.id ?? '';
});
afterEach(async () => {
  await app.close();
  dir.remove();
});

interface Answer<T> {
  status: number;
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; issues: { path: string; message: string }[] };
}

async function call<T>(channel: string, input: unknown): Promise<Answer<T>> {
  const response = await fetch(`${app.serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...app.session, origin: app.serve.origin },
    body: JSON.stringify(input),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

const people = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    email: `person${String(i)}@example.com`,
    first_name: 'Person',
    last_name: String(i),
    organization: 'Example Corporation of Very Long Names',
    comments: 'Arrives by train; needs a seat near the door.',
  }));

const listed = async () => (await call<{ email: string; first_name?: string }[]>('attendees.list', { seriesId })).value;

async function sendParts(importId: string, rows: readonly unknown[], parts = importParts(rows, 512 * 1024)) {
  for (const part of parts) {
    const sent = await call<{ received: number }>('attendees.importRows', {
      importId,
      offset: part.offset,
      attendees: part.rows,
    });
    expect(sent.status).toBe(200);
  }
}

describe('a large attendee import', () => {
  it('arrives in parts under the request limit and is written all at once', async () => {
    const rows = people(30_000);
    // The limit stays: the whole list in one request is refused.
    const whole = await call('attendees.importRows', { importId: 'x', offset: 0, attendees: rows });
    expect(whole).toMatchObject({ status: 400, ok: false });
    expect(whole.error?.message).toContain('larger than');

    const { value: begun } = await call<{ importId: string }>('attendees.importBegin', {
      seriesId,
      total: rows.length,
    });
    const parts = importParts(rows, 512 * 1024);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part.rows))).toBeLessThan(1024 * 1024);
    await sendParts(begun?.importId ?? '', rows, parts);
    // Nothing is on the list until the commit.
    expect(await listed()).toHaveLength(1);

    const committed = await call('attendees.importCommit', { importId: begun?.importId });
    expect(committed).toMatchObject({ ok: true, value: { dry_run: false, added: 29_999, updated: 1 } });
    const after = await listed();
    expect(after).toHaveLength(30_000);
    expect(after?.find((row) => row.email === 'person7@example.com')?.first_name).toBe('Person');
  });

  it('interrupted before every part arrived, leaves the list as it was and says why', async () => {
    const rows = people(5_000);
    const { value: begun } = await call<{ importId: string }>('attendees.importBegin', {
      seriesId,
      total: rows.length,
    });
    const importId = begun?.importId ?? '';
    const parts = importParts(rows, 256 * 1024);
    await sendParts(importId, rows, parts.slice(0, -1));

    const early = await call('attendees.importCommit', { importId });
    expect(early).toMatchObject({ status: 400, ok: false });
    expect(early.error?.message).toMatch(/^[\d,]+ rows of 5,000 rows did not arrive; nothing was imported/);
    expect(await listed()).toHaveLength(1);

    // The app closes mid-import: the parts it held are gone, and the list is untouched.
    const again = await call<{ importId: string }>('attendees.importBegin', { seriesId, total: rows.length });
    await sendParts(again.value?.importId ?? '', rows, parts.slice(0, 1));
    await app.close();
    app = await start();
    const afterRestart = await call('attendees.importCommit', { importId: again.value?.importId });
    expect(afterRestart).toMatchObject({ status: 404, ok: false });
    expect(afterRestart.error?.message).toBe(
      'This import was interrupted and nothing was imported. Import the file again.',
    );
    expect(await listed()).toHaveLength(1);
  });

  it('into a series that no longer exists, is refused at once', async () => {
    const refused = await call('attendees.importBegin', { seriesId: 'gone', total: 10 });
    expect(refused).toMatchObject({ status: 404, ok: false, error: { message: 'This series no longer exists.' } });
  });

  it('with one bad row anywhere, writes none and names the row', async () => {
    const rows: Record<string, unknown>[] = people(10_000);
    rows[9_876] = { email: 'not an email' };
    const { value: begun } = await call<{ importId: string }>('attendees.importBegin', {
      seriesId,
      total: rows.length,
    });
    await sendParts(begun?.importId ?? '', rows);
    const refused = await call('attendees.importCommit', { importId: begun?.importId });
    expect(refused).toMatchObject({ status: 400, ok: false });
    expect(refused.error?.message).toBe('1 attendee of 10,000 has problems; nothing was added.');
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual(['attendees[9876].email']);
    expect(await listed()).toHaveLength(1);
  });
});
