import { writeFileSync } from 'node:fs';
import { databaseFile, openDatabase } from '../../main/db/database';
import { CheckInListStore, type ListedRegistrant } from '../../main/db/checkInListStore';
import { emptySandboxData, type SandboxData } from '../../main/sandbox/sandboxData';
import { createServices } from '../../main/services';
import { createZoomClient } from '../../main/zoom/zoomClient';

const firstNames = [
  'Anna',
  'Björn',
  'Chloé',
  'David',
  'Émile',
  'Fatima',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Léa',
  'Mateo',
  'Nora',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Søren',
  'Tariq',
  'Uma',
  'Víctor',
  'Wei',
  'Xavier',
  'Yara',
  'Zoë',
];
const lastNames = [
  'Müller',
  'Ångström',
  "O'Brien",
  'García',
  'Nguyen',
  'Smith',
  'Kowalski',
  'Rossi',
  'Dubois',
  'Tanaka',
  'Okafor',
  'Johansson',
  'Fernández',
  'Kim',
  'Novák',
  'Schmidt',
  'Silva',
  'Costa',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Lefèvre',
  'Moreau',
  'Petrov',
  'Quispe',
  'Yilmaz',
  'Zhang',
  'Bauer',
  'Weber',
  'Santos',
];

/** `count` people with names that repeat as real lists do, each with one ticket. */
export function benchPeople(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const firstName = firstNames[i % firstNames.length] ?? '';
    const lastName = `${lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? ''}${i >= 780 ? String(Math.floor(i / 780)) : ''}`;
    const local = `${firstName}.${lastName}`
      .normalize('NFD')
      .replace(/[^A-Za-z0-9.]/g, '')
      .toLowerCase();
    return { email: `${local}.${String(i)}@example.com`, firstName, lastName, ticketId: `T${String(100_000 + i)}` };
  });
}

export const benchEventId = 'e-checkin-bench';

/** A sandbox state holding one in-person event with `count` registrants, for `cadence sandbox --state`. */
export function writeSandboxState(path: string, count: number): void {
  const data: SandboxData = emptySandboxData();
  data.events.push({
    event_id: benchEventId,
    hub_id: 'hub-sandbox-main',
    name: 'Check-in Benchmark Summit',
    description: '',
    timezone: 'Europe/Berlin',
    event_type: 'SIMPLE_EVENT',
    access_level: 'PRIVATE_UNRESTRICTED',
    attendance_type: 'in-person',
    meeting_type: 'WEBINAR',
    calendar: [{ start_time: '2027-05-04T07:00:00Z', end_time: '2027-05-04T16:00:00Z' }],
    status: 'PUBLISHED',
    extra: {},
  });
  data.sessions.push({
    session_id: 's-bench-1',
    event_id: benchEventId,
    name: 'Main hall',
    start_time: '2027-05-04T07:00:00Z',
    end_time: '2027-05-04T16:00:00Z',
    timezone: 'Europe/Berlin',
  });
  data.tickets = benchPeople(count).map((person) => ({
    ticket_id: person.ticketId,
    event_id: benchEventId,
    ticket_type_id: 'tt-bench',
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    event_join_link: `https://events.zoom.us/ejl/${person.ticketId}`,
    profile: {},
  }));
  writeFileSync(path, JSON.stringify(data));
}

/** A data folder with the event's list of `count` people as a download writes it, without Zoom. */
export function fillList(dataDir: string, count: number): void {
  const { db } = openDatabase(databaseFile(dataDir));
  const registrants: ListedRegistrant[] = benchPeople(count).map((person) => ({
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    organisation: '',
    ticketType: 'Day Pass',
    tickets: [
      { ticketId: person.ticketId, sessionId: null, qrCodeUrl: `https://zoom.us/qr?t=9&ein=${person.ticketId}` },
    ],
  }));
  new CheckInListStore(db).replace({
    eventId: benchEventId,
    seriesId: null,
    name: 'Check-in Benchmark Summit',
    timezone: 'Europe/Berlin',
    attendanceType: 'IN_PERSON',
    sessions: [],
    registrants,
    downloadedAt: '2027-05-04T06:00:00Z',
  });
  db.close();
}

/** Wall and CPU milliseconds of each of `count` check-ins recorded through the service, each its own durable transaction. */
export function timeRecords(dataDir: string, count: number, offset: number): { wall: number[]; cpu: number[] } {
  const { db } = openDatabase(databaseFile(dataDir));
  const { checkIn } = createServices({ db, defaultDesk: () => 'Door A' });
  const people = benchPeople(offset + count).slice(offset);
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    for (const person of people) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = checkIn.service.record({
        eventId: benchEventId,
        sessionId: null,
        who: { kind: 'scan', text: person.ticketId },
      });
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      if (result.outcome !== 'checked_in') throw new Error(`${person.email}: ${result.message}`);
    }
    return { wall, cpu };
  } finally {
    db.close();
  }
}

/** Milliseconds of each of `count` one-row transactions on the same kind of file: what durability alone costs on this disk. */
export function timeBareCommits(dataDir: string, count: number): number[] {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    db.exec('CREATE TABLE IF NOT EXISTS bench_commit (n INTEGER)');
    const insert = db.prepare('INSERT INTO bench_commit (n) VALUES (?)');
    const times: number[] = [];
    for (let n = 0; n < count; n += 1) {
      const started = performance.now();
      db.transaction(() => insert.run(n)).immediate();
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    db.close();
  }
}

/** Wall and CPU milliseconds of each keystroke's search as a staffer types "first last" of `typists` people. */
export function timeKeystrokes(dataDir: string, total: number, typists: number): { wall: number[]; cpu: number[] } {
  const { db } = openDatabase(databaseFile(dataDir));
  const { checkIn } = createServices({ db });
  const people = benchPeople(total);
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    for (let n = 0; n < typists; n += 1) {
      const person = people[Math.floor((n * 7919) % total)];
      if (person === undefined) continue;
      const typed = `${person.firstName} ${person.lastName}`;
      for (let length = 1; length <= typed.length; length += 1) {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const found = checkIn.service.search({
          eventId: benchEventId,
          sessionId: null,
          query: typed.slice(0, length),
          limit: 50,
        });
        wall.push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        if (length === typed.length && !found.people.some((each) => each.email === person.email) && found.total <= 50) {
          throw new Error(`"${typed}" did not find ${person.email}`);
        }
      }
    }
    return { wall, cpu };
  } finally {
    db.close();
  }
}

/** One download of the event from the sandbox, with its requests, time and memory growth. */
export async function timeDownload(
  dataDir: string,
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
) {
  const { db } = openDatabase(databaseFile(dataDir));
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  const { checkIn } = createServices({ db, zoom: () => Promise.resolve(client) });
  try {
    await client.tokens.token();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage();
    const requestsBefore = client.requestCount();
    const started = performance.now();
    const event = await checkIn.download({ eventId: benchEventId });
    const ms = performance.now() - started;
    const requests = client.requestCount() - requestsBefore;
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    gc?.();
    const after = process.memoryUsage();
    return {
      ms,
      requests,
      registered: event.counts.registered,
      rssBeforeBytes: before.rss,
      peakRssGrowthBytes: peakRssBytes - before.rss,
      retainedHeapGrowthBytes: after.heapUsed - before.heapUsed,
    };
  } finally {
    await client.close();
    db.close();
  }
}
