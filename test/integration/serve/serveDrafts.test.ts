import { readFileSync } from 'node:fs';
import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServeHandle } from '../../../main/serve/serveServer';
import { startInProcessServe } from '../../support/inProcessServe';
import { makeTempDir } from '../../support/tempDir';

// The drafts channels as the app's window calls them: over real HTTP through `cadence serve`.
let dir: ReturnType<typeof makeTempDir>;
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let serve: ServeHandle;

beforeEach(async () => {
  dir = makeTempDir();
  app = await startInProcessServe({ dataDir: dir.path, probe: () => Promise.resolve(false) });
  ({ serve } = app);
});
afterEach(async () => {
  await app.close();
  dir.remove();
});

async function call(channel: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...app.session, origin: serve.origin },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  series: Record<string, unknown>[];
};
const standup = { ...example.series[0], attendees: [{ email: 'jane.doe@example.com' }] };

describe('drafts over IPC', () => {
  it('imports a series file, lists it, reads it back and saves an edit', async () => {
    const imported = await call('drafts.import', { file: { version: 1, series: [standup] } });
    expect(imported).toMatchObject({ status: 200, body: { ok: true, value: { created: 1, updated: 0 } } });
    const list = await call('drafts.list', {});
    const [summary] = (list.body as { value: { id: string; name: string; sync_state: string }[] }).value;
    expect(summary).toMatchObject({ name: 'Engineering Team Weekly Standup', sync_state: 'draft', attendees: 1 });
    const id = summary?.id ?? '';
    const read = await call('drafts.get', { id });
    const draft = (read.body as { value: { draft: Record<string, unknown> } }).value.draft;
    expect(draft).toMatchObject({ key: 'eng-standup-2027q1', recurrence: { type: 2, weekly_days: [2] } });
    const saved = await call('drafts.save', { id, draft: { ...draft, name: 'Standup' } });
    expect(saved.body).toEqual({ ok: true, value: { id, isNew: false } });
    const status = await call('sync.status', {});
    // Create, ticket type, link, publish, the moved and the cancelled session, one ticket.
    expect(status.body).toMatchObject({ ok: true, value: { outbox: { pending: 7 } } });
    const renamed = await call('drafts.get', { id });
    expect(renamed.body).toMatchObject({ ok: true, value: { draft: { name: 'Standup' } } });
  });

  it('refuses an invalid file or draft with every problem at its path, and writes nothing', async () => {
    const refused = await call('drafts.import', {
      file: { version: 1, series: [{ ...standup, attendees: [{ email: 'jane' }], timezone: 'Nowhere' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The series file has 2 problems; nothing was imported.',
        issues: [
          {
            path: 'series[0].timezone',
            message: '"Nowhere" is not a time zone Cadence knows. Use an IANA name such as America/New_York.',
          },
          { path: 'series[0].attendees[0].email', message: 'Write an email address, such as jane.doe@example.com.' },
        ],
      },
    });
    const draft = await call('drafts.save', { draft: { ...standup, name: '' } });
    expect(draft.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'name', message: 'The series name cannot be empty.' }] },
    });
    expect((await call('drafts.list', {})).body).toEqual({ ok: true, value: [] });
  });

  it('answers not found for a series that does not exist', async () => {
    const missing = await call('drafts.delete', { id: 'no-such-series' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
