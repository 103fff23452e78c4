import { DateTime } from 'luxon';
import type { ZoomEventListItem } from '../../shared/zoom/zoomCatalog';
import type { ZoomCatalog } from '../sync/readBack/zoomCatalog';
import { withServices } from './withServices';

export interface ZoomEventsContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

/** A session's start in the event's own zone, as its planner reads it. */
function wallClock(instant: string | null, zone: string | null): string {
  if (instant === null) return '—';
  const time = DateTime.fromISO(instant, { zone: zone ?? 'UTC' });
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm ZZZZ') : instant;
}

function openWords(event: ZoomEventListItem): string {
  if (event.series_id !== null) return 'open';
  return event.cannot_open === null ? '—' : 'cannot open';
}

/** Every event of every page, in Zoom's order. */
async function allEvents(catalog: ZoomCatalog, hubId: string | undefined): Promise<ZoomEventListItem[]> {
  const events: ZoomEventListItem[] = [];
  let token: string | undefined;
  do {
    const page = await catalog.page({
      page_size: 300,
      ...(hubId === undefined ? {} : { hub_id: hubId }),
      ...(token === undefined ? {} : { page_token: token }),
    });
    events.push(...page.events);
    token = page.next_page_token;
  } while (token !== undefined);
  return events;
}

function table(events: readonly ZoomEventListItem[]): string {
  const header = ['EVENT', 'TYPE', 'STATUS', 'FIRST SESSION', 'LAST SESSION', 'REGISTERED', 'IN CADENCE', 'EVENT ID'];
  const rows = events.map((event) => [
    event.name,
    event.event_type,
    event.status,
    wallClock(event.first_start, event.timezone),
    wallClock(event.last_start, event.timezone),
    event.registrations === null ? '?' : String(event.registrations),
    openWords(event),
    event.event_id,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}

/**
 * `cadence zoom events [--hub ID]`: the account's upcoming and draft events on Zoom, every page,
 * with their first and last session in the event's zone, registrations, and whether each is open here.
 */
export async function runZoomEventsCommand(context: ZoomEventsContext, options: { hub?: string }): Promise<void> {
  const events = await withServices(context.dataDir, (services) => allEvents(services.zoomCatalog, options.hub));
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify({ events })}\n`);
    return;
  }
  if (events.length === 0) {
    const where = options.hub === undefined ? 'in any hub of this account' : `in hub ${options.hub}`;
    context.stdout.write(`No upcoming or draft events on Zoom ${where}.\n`);
    return;
  }
  const cannot = events.filter((event) => event.cannot_open !== null);
  context.stdout.write(
    [
      table(events),
      ...cannot.map((event) => `${event.name}: ${event.cannot_open ?? ''}`),
      'Open one in Cadence with "cadence zoom open EVENT_ID", or a whole hub with "cadence zoom open --hub ID".',
      '',
    ].join('\n'),
  );
}
