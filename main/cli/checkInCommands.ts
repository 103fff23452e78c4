import {
  checkInDownloadSchema,
  deskNameSchema,
  type CheckInResult,
  type CheckInStatus,
} from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import { emailSchema } from '../../shared/fieldSchemas';
import type { Issue } from '../../shared/ipc/envelope';
import { exitCodes } from './exitCodes';
import { withServices } from './withServices';

export interface CheckInCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

export interface RecordOptions {
  event: string;
  session?: string;
  source?: string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** `cadence checkin pull EVENT`: downloads an event's registrants for check-in (a series' key or a Zoom event ID). */
export async function runCheckInPull(context: CheckInCommandContext, name: string): Promise<number> {
  return withServices(context.dataDir, async ({ checkIn }) => {
    const from = checkInDownloadSchema.safeParse(checkIn.sourceNamed(name));
    if (!from.success) {
      throw new CadenceError('invalid_input', `“${name}” is neither a series' key nor a Zoom event ID.`, [
        { path: 'EVENT', message: from.error.issues[0]?.message ?? '' },
      ]);
    }
    const event = await checkIn.download(from.data);
    context.stdout.write(
      context.isJson
        ? `${JSON.stringify(event)}\n`
        : `Downloaded ${plural(event.counts.registered, 'registrant')} of “${event.name}” (${plural(event.sessions.length, 'session')}, ${event.eventId}) at ${event.downloadedAt}.\n`,
    );
    return exitCodes.done;
  });
}

/** The problems of the command's arguments, each named as typed. */
function argumentIssues(emails: readonly string[], options: RecordOptions): Issue[] {
  const issues: Issue[] = emails.flatMap((email, index) => {
    const parsed = emailSchema.safeParse(email);
    return parsed.success
      ? []
      : [{ path: `EMAIL ${String(index + 1)}`, message: parsed.error.issues[0]?.message ?? '' }];
  });
  if (options.session !== undefined && !/^[1-9]\d{0,3}$/.test(options.session)) {
    issues.push({ path: '--session', message: 'A session is its number in the event, counted from 1.' });
  }
  if (options.source !== undefined) {
    const parsed = deskNameSchema.safeParse(options.source);
    if (!parsed.success) issues.push({ path: '--source', message: parsed.error.issues[0]?.message ?? '' });
  }
  return issues;
}

/**
 * `cadence checkin record EMAIL… --event EVENT [--session N] [--source NAME]`: records check-ins on
 * this laptop only; it never reaches Zoom. Exit 3 when someone was not recorded (no ticket for the session).
 */
export async function runCheckInRecord(
  context: CheckInCommandContext,
  emails: readonly string[],
  options: RecordOptions,
): Promise<number> {
  const issues = argumentIssues(emails, options);
  if (issues.length > 0) {
    throw new CadenceError('invalid_input', 'Nothing was recorded: the command has a problem.', issues);
  }
  return withServices(context.dataDir, ({ checkIn }) => {
    const eventId = checkIn.eventIdNamed(options.event);
    const event = checkIn.list.event(eventId);
    if (event === undefined) {
      throw new CadenceError('not_found', 'This event has not been downloaded for check-in on this laptop.', [
        { path: '--event', message: `Download it first: cadence checkin pull ${options.event}` },
      ]);
    }
    let sessionId: string | null = null;
    if (options.session !== undefined) {
      const position = Number(options.session);
      const session = checkIn.list.sessions(eventId).find((each) => each.position === position);
      if (session === undefined) {
        throw new CadenceError('invalid_input', `“${event.name}” has no session ${options.session}.`, [
          { path: '--session', message: `The event has ${plural(checkIn.list.sessions(eventId).length, 'session')}.` },
        ]);
      }
      sessionId = session.sessionId;
    }
    const results: CheckInResult[] = emails.map((email) =>
      checkIn.service.record({
        eventId,
        sessionId,
        who: { kind: 'person', email },
        ...(options.source === undefined ? {} : { desk: options.source }),
      }),
    );
    context.stdout.write(
      context.isJson
        ? `${JSON.stringify({ eventId, sessionId, results })}\n`
        : results.map((result, index) => `${emails[index] ?? ''}: ${result.message}\n`).join(''),
    );
    const allRecorded = results.every(
      (result) => result.outcome !== 'no_ticket_for_session' && result.outcome !== 'not_registered',
    );
    return allRecorded ? exitCodes.done : exitCodes.needsPerson;
  });
}

function describeStatus(status: CheckInStatus): string {
  if (status.events.length === 0) {
    return `Desk: ${status.desk}\nNo event downloaded for check-in; download one with "cadence checkin pull EVENT".\n`;
  }
  const lines = [`Desk: ${status.desk}`];
  for (const event of status.events) {
    const { counts } = event;
    lines.push(
      `${event.name} (${event.eventId}): ${plural(counts.checkedIn, 'person', 'people')} checked in of ${counts.registered.toLocaleString('en')} registered; ${counts.waiting.toLocaleString('en')} waiting to upload, ${counts.refused.toLocaleString('en')} refused by Zoom.`,
      `  downloaded ${event.downloadedAt}; last upload ${event.lastUploadAt ?? 'never'}`,
    );
    for (const desk of event.desks) {
      lines.push(
        `  ${desk.desk}: ${desk.checkedIn.toLocaleString('en')} checked in, ${desk.waiting.toLocaleString('en')} waiting, ${desk.refused.toLocaleString('en')} refused`,
      );
    }
    for (const refusal of event.refusals) {
      lines.push(
        `  refused: ${refusal.email} (${refusal.desk ?? 'another desk'}, ${refusal.recordedAt ?? 'no time'}): ${refusal.message}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `cadence checkin status`: per event and desk, what is checked in, waiting and refused, with Zoom's words. */
export async function runCheckInStatus(context: CheckInCommandContext): Promise<number> {
  return withServices(context.dataDir, ({ checkIn }) => {
    const status = checkIn.overview.status();
    context.stdout.write(context.isJson ? `${JSON.stringify(status)}\n` : describeStatus(status));
    return exitCodes.done;
  });
}
