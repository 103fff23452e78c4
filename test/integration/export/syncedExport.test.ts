import Papa from 'papaparse';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readCalendar } from '../../support/icalReader';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Exports of a series synced to the sandbox over HTTP: the IDs and links Zoom gave are in them.
let h: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  h = await syncHarness();
});
afterEach(async () => {
  await h.close();
});

const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

it("carries Zoom's event, session and ticket IDs, the event's page and its registration link", async () => {
  const [imported] = h.importSeries([
    standupSeries(3, { occurrence_changes: [{ occurrence: 3, action: 'cancel' }] }),
  ]).series;
  const seriesId = imported?.id ?? '';
  const report = await h.services.sync.run();
  expect(report.outcome).toBe('succeeded');

  const data = h.sandbox.sandbox.data;
  const event = data.events.find((candidate) => candidate.hub_id === 'hub-sandbox-main');
  const eventId = event?.event_id ?? '';
  const link = data.accessLinks.find((candidate) => candidate.event_id === eventId);
  const eventUrl = `https://events.zoom.us/ev/${eventId}`;

  const sessions = rowsOf(h.services.exporter.export({ format: 'csv', seriesIds: [seriesId] }).content);
  expect(sessions).toHaveLength(12);
  const onZoom = new Map(
    data.sessions
      .filter((session) => session.event_id === eventId)
      .map((session) => [session.start_time, session.session_id]),
  );
  for (const row of sessions) {
    expect(row).toMatchObject({ zoom_event_id: eventId, join_url: eventUrl, registration_url: link?.url });
    expect(row.hub_name).toBe('Sandbox Hub');
    // A cancelled session keeps the ID Zoom gave it, which Zoom no longer lists.
    if (row.status === 'cancelled') expect(row.zoom_session_id).toMatch(/.+/);
    else expect(row.zoom_session_id).toBe(onZoom.get(row.start_utc ?? ''));
  }
  expect(sessions.filter((row) => row.status === 'cancelled').map((row) => row.session)).toEqual(['3']);
  expect(onZoom.size).toBe(11);

  const attendees = rowsOf(h.services.exporter.export({ format: 'attendees_csv', seriesIds: [seriesId] }).content);
  expect(attendees).toHaveLength(3);
  for (const row of attendees) {
    const ticket = data.tickets.find((candidate) => candidate.external_ticket_id === row.registration_id);
    expect(ticket?.email).toBe(row.email);
    expect(row.zoom_ticket_ids).toBe(ticket?.ticket_id);
    expect(row.sessions).toBe('1; 2; 4; 5; 6; 7; 8; 9; 10; 11; 12');
  }

  const entry = readCalendar(h.services.exporter.export({ format: 'ics' }).content).series.get(
    `${seriesId}@cadence.series`,
  );
  expect(entry?.url).toBe(eventUrl);
  expect(entry?.description).toContain(`register at ${link?.url ?? ''}`);
  expect(entry?.instances).toHaveLength(11);
});
