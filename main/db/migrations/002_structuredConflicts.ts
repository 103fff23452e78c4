import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ConflictTarget } from '../../../shared/sync/conflicts';
import type { Migration } from './migration';

const conflictRowSchema = z.object({
  id: z.number(),
  series_id: z.string(),
  kind: z.string(),
  subject: z.string(),
  op_kind: z.string().nullable(),
  payload_json: z.string().nullable(),
});

function payloadOf(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = text === null ? {} : JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The target of a conflict written before targets existed. Those rows said what they were about
 * only in their subject line, so this reads it the one time, here; nothing else ever does.
 */
function legacyTarget(db: Database.Database, row: z.output<typeof conflictRowSchema>): ConflictTarget {
  const payload = payloadOf(row.payload_json);
  const operation = row.op_kind ?? undefined;
  const withOperation = <T extends object>(target: T) => (operation === undefined ? target : { ...target, operation });
  const attendeeByEmail = (email: string) =>
    z
      .string()
      .optional()
      .parse(
        db
          .prepare('SELECT id FROM attendee WHERE series_id = ? AND email_key = ? ORDER BY deleted_at IS NOT NULL')
          .pluck()
          .get(row.series_id, email.toLowerCase()),
      );
  const registration = (email: string, attendeeId?: string): ConflictTarget =>
    withOperation({ item: 'registration' as const, email, attendee_id: attendeeId ?? attendeeByEmail(email) ?? '' });
  const occurrence = Number(/\d+/.exec(row.subject)?.[0] ?? payload.occurrence ?? 1);
  switch (row.kind) {
    case 'session_moved':
    case 'session_deleted':
      return withOperation({ item: 'session' as const, occurrence: Math.max(1, occurrence) });
    case 'schedule_drift':
      return { item: 'sessions' };
    case 'item_fields': {
      const email = /^registration of ([^:]+):/.exec(row.subject)?.[1];
      if (email !== undefined) return registration(email);
      return withOperation({
        item: row.subject.startsWith('ticket type') ? ('ticket_type' as const) : ('access_link' as const),
      });
    }
    case 'ticket_refused':
      return registration(row.subject, typeof payload.attendee_id === 'string' ? payload.attendee_id : undefined);
    default: {
      const kind = row.op_kind ?? '';
      if (kind.startsWith('ticket_type.')) return withOperation({ item: 'ticket_type' as const });
      if (kind.startsWith('access_link.')) return withOperation({ item: 'access_link' as const });
      if (kind.startsWith('session.'))
        return withOperation({ item: 'session' as const, occurrence: Math.max(1, occurrence) });
      if (kind.startsWith('ticket.')) {
        const attendee = payload.attendee as { email?: unknown } | undefined;
        const email = typeof attendee?.email === 'string' ? attendee.email : '';
        const attendeeId = typeof payload.attendee_id === 'string' ? payload.attendee_id : '';
        return withOperation({ item: 'registration' as const, attendee_id: attendeeId, email });
      }
      return withOperation({ item: 'event' as const });
    }
  }
}

/**
 * Conflicts carry a typed target (what and where) and keep the value a resolution replaced; a
 * series counts its saves; the outbox loses columns nothing used; update operations get keys of their own, so that what needs
 * an event to exist no longer waits behind a change of its fields; refused operations are `failed`.
 */
export const structuredConflicts: Migration = {
  version: 2,
  name: 'structured conflicts',
  up: `
    ALTER TABLE conflict ADD COLUMN target_json TEXT NOT NULL DEFAULT '{"item":"event"}';
    ALTER TABLE conflict ADD COLUMN remote_refused TEXT;
    ALTER TABLE conflict ADD COLUMN replaced_json TEXT;

    -- Counts the saves of a series, so that a sync can tell exactly whether it was edited meanwhile.
    ALTER TABLE series ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

    DROP INDEX outbox_by_state;
    ALTER TABLE outbox DROP COLUMN target_json;
    ALTER TABLE outbox DROP COLUMN next_attempt_at;
    CREATE INDEX outbox_by_state ON outbox (state);

    UPDATE outbox SET op_key = 'event.fields' WHERE kind = 'event.update';
    UPDATE outbox SET op_key = 'ticket_type.fields' WHERE kind = 'ticket_type.update';
    UPDATE outbox SET op_key = 'access_link.fields' WHERE kind = 'access_link.update';
    UPDATE outbox SET state = 'failed' WHERE state = 'conflict' AND id IN (
      SELECT outbox_id FROM conflict
      WHERE resolved_at IS NULL AND outbox_id IS NOT NULL AND kind IN ('refused', 'ticket_refused', 'not_editable'));
  `,
  transform(db) {
    const rows = db
      .prepare(
        `SELECT c.id, c.series_id, c.kind, c.subject, o.kind AS op_kind, o.payload_json
         FROM conflict c LEFT JOIN outbox o ON o.id = c.outbox_id`,
      )
      .all()
      .map((raw) => conflictRowSchema.parse(raw));
    const update = db.prepare('UPDATE conflict SET target_json = ? WHERE id = ?');
    for (const row of rows) update.run(JSON.stringify(legacyTarget(db, row)), row.id);
  },
};
