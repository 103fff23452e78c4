import type Database from 'better-sqlite3';
import { z } from 'zod';
import { attendeeProfileFields, type AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import { seriesDraftSchema, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';

const seriesRowSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  event_type: z.enum(['RECURRING', 'SIMPLE_EVENT']),
  timezone: z.string(),
  start_time: z.string(),
  end_time: z.string().nullable(),
  hub_id: z.string().nullable(),
  description: z.string().nullable(),
  meeting_type: z.string().nullable(),
  attendance_type: z.string(),
  access_level: z.string(),
  recurrence_json: z.string().nullable(),
  closed_days_json: z.string().nullable(),
  publish: z.number(),
  capacity: z.number().nullable(),
});

const sessionCapacityRowSchema = z.object({ occurrence: z.number(), capacity: z.number() });

const changeRowSchema = z.object({
  occurrence: z.number(),
  action: z.enum(['move', 'cancel']),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  closed_day_json: z.string().nullable(),
});

const ticketTypeRowSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  free: z.number(),
  price: z.string().nullable(),
  quantity: z.number().nullable(),
  currency: z.string(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
});

const registrationRowSchema = z.object({
  link_name: z.string(),
  registration_option: z.string().nullable(),
  authentication_method: z.string(),
  send_notification: z.number(),
});

const attendeeRowSchema = z.object({
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  profile_json: z.string(),
  occurrences_json: z.string().nullable(),
});

/** Drops null columns, which mean "not set" in a draft. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

/** The columns of an attendee row for a draft attendee. */
export function attendeeColumns(attendee: AttendeeDraft) {
  const profile: Record<string, string> = {};
  // Kept in profile_json: the fields without columns of their own.
  for (const field of attendeeProfileFields) {
    const value = attendee[field];
    if (value !== undefined) profile[field] = value;
  }
  return {
    email: attendee.email,
    email_key: attendee.email.toLowerCase(),
    first_name: attendee.first_name ?? null,
    last_name: attendee.last_name ?? null,
    profile_json: JSON.stringify(profile),
    occurrences_json: attendee.occurrences === undefined ? null : JSON.stringify(attendee.occurrences),
  };
}

/** Adds an attendee row; the parameters are `attendeeColumns` with `id`, `series_id` and `position`. */
export const insertAttendeeSql = `INSERT INTO attendee (id, series_id, position, email, email_key, first_name, last_name, profile_json, occurrences_json)
  VALUES (@id, @series_id, @position, @email, @email_key, @first_name, @last_name, @profile_json, @occurrences_json)`;

/** A draft attendee from its row. */
export function attendeeFromRow(row: unknown): AttendeeDraft {
  const columns = attendeeRowSchema.parse(row);
  return present({
    email: columns.email,
    first_name: columns.first_name,
    last_name: columns.last_name,
    ...(JSON.parse(columns.profile_json) as Record<string, unknown>),
    occurrences: columns.occurrences_json === null ? null : (JSON.parse(columns.occurrences_json) as unknown),
  }) as AttendeeDraft;
}

/**
 * Reads a series back as a draft, checked with the same schema as any other draft, so a row
 * that no longer fits is reported rather than passed on.
 */
export function readSeriesDraft(
  db: Database.Database,
  id: string,
  options: { withAttendees: boolean } = { withAttendees: true },
): SeriesDraft | undefined {
  const found: unknown = db.prepare('SELECT * FROM series WHERE id = ? AND deleted_at IS NULL').get(id);
  if (found === undefined) return undefined;
  const row = seriesRowSchema.parse(found);
  const changes = z
    .array(changeRowSchema)
    .parse(db.prepare('SELECT * FROM occurrence_change WHERE series_id = ? ORDER BY occurrence').all(id));
  const sessionCapacities = z
    .array(sessionCapacityRowSchema)
    .parse(
      db.prepare('SELECT occurrence, capacity FROM session_capacity WHERE series_id = ? ORDER BY occurrence').all(id),
    );
  const ticketRow: unknown = db.prepare('SELECT * FROM ticket_type WHERE series_id = ?').get(id);
  const linkRow: unknown = db.prepare('SELECT * FROM registration_link WHERE series_id = ?').get(id);
  const attendees = options.withAttendees
    ? db
        .prepare('SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
        .all(id)
        .map(attendeeFromRow)
    : [];
  const ticket = ticketRow === undefined ? undefined : ticketTypeRowSchema.parse(ticketRow);
  const link = linkRow === undefined ? undefined : registrationRowSchema.parse(linkRow);

  const draft = present({
    key: row.key,
    hub_id: row.hub_id,
    name: row.name,
    description: row.description,
    timezone: row.timezone,
    event_type: row.event_type,
    meeting_type: row.meeting_type,
    attendance_type: row.attendance_type,
    access_level: row.access_level,
    start_time: row.start_time,
    end_time: row.end_time,
    recurrence: row.recurrence_json === null ? null : (JSON.parse(row.recurrence_json) as unknown),
    occurrence_changes:
      row.event_type === 'RECURRING'
        ? changes.map(({ closed_day_json: closedDay, ...change }) =>
            present({ ...change, closed_day: closedDay === null ? null : (JSON.parse(closedDay) as unknown) }),
          )
        : null,
    capacity: row.capacity,
    session_capacities: sessionCapacities.length === 0 ? null : sessionCapacities,
    closed_days: row.closed_days_json === null ? null : (JSON.parse(row.closed_days_json) as unknown),
    ticket_type: ticket === undefined ? null : present({ ...ticket, free: ticket.free === 1 }),
    registration:
      link === undefined
        ? null
        : present({
            link_name: link.link_name,
            recurring_registration_option: link.registration_option,
            authentication_method: link.authentication_method,
            send_notification: link.send_notification === 1,
          }),
    attendees,
    publish: row.publish === 1,
  });
  const parsed = seriesDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const problem = draftIssues(parsed.error)[0];
    throw new CadenceError(
      'internal',
      `The stored series "${row.name}" no longer passes validation (${problem?.path ?? ''}: ${problem?.message ?? ''}).`,
    );
  }
  return parsed.data;
}
