import type { OccurrenceChange } from '../../shared/drafts/occurrenceChange';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { CadenceError } from '../../shared/errors';
import { conflictSummarySchema, type ConflictSummary, type Resolution } from '../../shared/sync/conflicts';
import { ConflictStore, type StoredConflict } from '../db/conflictStore';
import { readSeriesDraft } from '../db/seriesRows';
import { SeriesStore } from '../db/seriesStore';
import type Database from 'better-sqlite3';

/** The email of a registration conflict's subject ("registration of ada@example.com: city"). */
const registrantOf = (subject: string) => /^registration of ([^:]+):/.exec(subject)?.[1]?.toLowerCase();

const occurrenceOf = (subject: string) => Number(/\d+/.exec(subject)?.[0] ?? '0');

/**
 * Settles conflicts the way the planner chooses: keep mine (the local version goes to Zoom on the
 * next sync) or take theirs (Zoom's version is written into the draft). Each resolution is one
 * transaction; the outbox is re-planned from the result.
 */
export class ConflictResolver {
  private readonly store: ConflictStore;
  private readonly series: SeriesStore;

  constructor(
    private readonly db: Database.Database,
    now: () => string,
  ) {
    this.store = new ConflictStore(db, now);
    this.series = new SeriesStore(db, now);
  }

  list(): ConflictSummary[] {
    return this.store.open().map((conflict) => conflictSummarySchema.parse(conflict));
  }

  resolve(id: number, keep: Resolution): { resolved: number; message: string } {
    const conflict = this.store.get(id);
    if (conflict === undefined) throw new CadenceError('not_found', `There is no conflict ${String(id)}.`);
    if (conflict.resolvedAt !== null) throw new CadenceError('conflict', `Conflict ${String(id)} is already settled.`);
    return this.db.transaction(() => {
      const message = keep === 'local' ? this.keepLocal(conflict) : this.takeRemote(conflict);
      return { resolved: id, message };
    })();
  }

  private draftOf(conflict: StoredConflict): SeriesDraft {
    const draft = readSeriesDraft(this.db, conflict.series_id);
    if (draft === undefined) throw new CadenceError('not_found', 'The series of this conflict no longer exists.');
    return draft;
  }

  /** Saves a draft changed by a resolution; the outbox is re-planned from it. */
  private save(conflict: StoredConflict, draft: SeriesDraft): void {
    this.series.save(draft, conflict.series_id);
  }

  private keepLocal(conflict: StoredConflict): string {
    switch (conflict.kind) {
      case 'event_fields':
        // Zoom's values become the base, so the local ones differ from it and are sent.
        this.store.patchEventBase(conflict.series_id, conflict.remote as object);
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'local');
        this.save(conflict, this.draftOf(conflict));
        return `Your ${conflict.subject} will be sent to Zoom at the next sync.`;
      case 'remote_deleted':
      case 'remote_cancelled':
        this.store.unlinkSeries(conflict.series_id);
        this.store.markResolved(conflict, 'local', true);
        this.save(conflict, this.draftOf(conflict));
        return 'The next sync creates the event on Zoom again, with its registrations.';
      case 'session_moved': {
        this.store.setSessionBase(conflict.series_id, occurrenceOf(conflict.subject), {
          ...(conflict.remote as object),
          status: 'moved',
        });
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'local');
        this.save(conflict, this.draftOf(conflict));
        return `Your ${conflict.subject} goes to Zoom at the next sync.`;
      }
      case 'item_fields': {
        // Zoom's values become the base, so the held change goes through as it is.
        const registrant = registrantOf(conflict.subject);
        if (registrant !== undefined)
          this.store.patchAttendeeBase(conflict.series_id, registrant, conflict.remote as object);
        else {
          const table = conflict.subject.startsWith('ticket type') ? 'ticket_type' : 'registration_link';
          this.store.patchItemBase(table, conflict.series_id, conflict.remote as object);
        }
        if (conflict.outboxId !== null) this.store.retry(conflict.outboxId);
        this.store.markResolved(conflict, 'local');
        return `Your ${conflict.subject} will be sent to Zoom at the next sync.`;
      }
      case 'session_deleted':
        throw new CadenceError(
          'conflict',
          'Zoom cannot bring back a deleted session of a recurring event. Take Zoom’s version: the occurrence is cancelled here too.',
        );
      case 'schedule_drift': {
        const planned = (conflict.local as string[] | null)?.length ?? 0;
        if (this.store.mappedSessions(conflict.series_id).size < planned) {
          throw new CadenceError(
            'conflict',
            'Zoom scheduled fewer sessions than Cadence planned, and sessions cannot be added to a recurring event. Take Zoom’s version: the missing occurrences are cancelled here.',
          );
        }
        this.store.markResolved(conflict, 'local');
        this.save(conflict, this.draftOf(conflict));
        return 'Sessions Zoom scheduled differently are moved to Cadence’s times at the next sync.';
      }
      default:
        if (conflict.outboxId !== null) this.store.retry(conflict.outboxId);
        this.store.markResolved(conflict, 'local');
        return 'It is tried again at the next sync.';
    }
  }

  private takeRemote(conflict: StoredConflict): string {
    const draft = this.draftOf(conflict);
    switch (conflict.kind) {
      case 'event_fields':
        this.store.patchEventBase(conflict.series_id, conflict.remote as object);
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'remote');
        this.save(conflict, { ...draft, ...(conflict.remote as object) });
        return `Zoom's ${conflict.subject} is now in the draft.`;
      case 'remote_deleted':
      case 'remote_cancelled':
        this.store.markResolved(conflict, 'remote', true);
        this.store.deleteSeries(conflict.series_id);
        return `"${conflict.series_name}" is removed here too.`;
      case 'session_moved':
      case 'session_deleted': {
        const occurrence = occurrenceOf(conflict.subject);
        const remote = conflict.remote as { start_time: string; end_time: string } | null;
        const change: OccurrenceChange =
          remote === null
            ? { occurrence, action: 'cancel' }
            : { occurrence, action: 'move', start_time: remote.start_time, end_time: remote.end_time };
        this.store.setSessionBase(
          conflict.series_id,
          occurrence,
          remote === null ? { start_time: '', end_time: '', status: 'cancelled' } : { ...remote, status: 'moved' },
        );
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'remote');
        this.save(conflict, withOccurrenceChanges(draft, [change]));
        return `Session ${String(occurrence)} is now as Zoom has it.`;
      }
      case 'schedule_drift': {
        const sessions = this.store.mappedSessions(conflict.series_id);
        const local = (conflict.local as string[] | null) ?? [];
        const changes: OccurrenceChange[] = local.flatMap((start, i): OccurrenceChange[] => {
          const remote = sessions.get(i + 1);
          if (remote === undefined) return [{ occurrence: i + 1, action: 'cancel' }];
          return remote.start_time === start
            ? []
            : [{ occurrence: i + 1, action: 'move', start_time: remote.start_time, end_time: remote.end_time }];
        });
        this.store.markResolved(conflict, 'remote');
        this.save(conflict, withOccurrenceChanges(draft, changes));
        return 'The draft now follows the sessions Zoom scheduled.';
      }
      case 'item_fields': {
        const isTicketType = conflict.subject.startsWith('ticket type');
        const remote = conflict.remote as Record<string, unknown>;
        const registrant = registrantOf(conflict.subject);
        if (registrant !== undefined) {
          this.store.patchAttendeeBase(conflict.series_id, registrant, remote);
          this.store.dropHeld(conflict.series_id, conflict.outboxId);
          this.store.markResolved(conflict, 'remote');
          this.save(conflict, {
            ...draft,
            attendees: draft.attendees.map((a) => (a.email.toLowerCase() === registrant ? { ...a, ...remote } : a)),
          });
          return `Zoom's ${conflict.subject} is now in the draft.`;
        }
        this.store.patchItemBase(isTicketType ? 'ticket_type' : 'registration_link', conflict.series_id, remote);
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'remote');
        this.save(
          conflict,
          isTicketType
            ? ({ ...draft, ticket_type: { ...draft.ticket_type, ...remote } } as SeriesDraft)
            : ({ ...draft, registration: { ...draft.registration, ...remote } } as SeriesDraft),
        );
        return `Zoom's ${conflict.subject} is now in the draft.`;
      }
      case 'ticket_refused': {
        const email = conflict.subject.toLowerCase();
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'remote');
        this.save(conflict, { ...draft, attendees: draft.attendees.filter((a) => a.email.toLowerCase() !== email) });
        return `${conflict.subject} is removed from the attendees.`;
      }
      default: {
        if (conflict.subject.startsWith('creating the registration link') && conflict.outboxId !== null) {
          // Zoom has a link of that name: the next sync looks for it by name and adopts it.
          this.store.retryAsUnknown(conflict.outboxId);
          this.store.markResolved(conflict, 'remote');
          return 'The link Zoom already has under that name becomes this series’ link at the next sync.';
        }
        // Zoom keeps what it has; the refused change is withdrawn here (event fields go back to
        // what Zoom has, so the change is not planned again).
        this.store.dropHeld(conflict.series_id, conflict.outboxId);
        this.store.markResolved(conflict, 'remote');
        const changes = (conflict.local as { changes?: Record<string, unknown> } | null)?.changes;
        const base = this.store.eventBase(conflict.series_id);
        const refusedEmail = /^registering (.+)$/.exec(conflict.subject)?.[1]?.toLowerCase();
        if (refusedEmail !== undefined) {
          this.save(conflict, {
            ...draft,
            attendees: draft.attendees.filter((a) => a.email.toLowerCase() !== refusedEmail),
          });
        } else if (conflict.subject.startsWith('updating') && changes !== undefined && base !== undefined) {
          const reverted = Object.fromEntries(
            Object.keys(changes).map((key) => [key, (base as Record<string, unknown>)[key]]),
          );
          this.save(conflict, { ...draft, ...reverted });
        }
        return 'The change Zoom refused is withdrawn; Zoom keeps what it has.';
      }
    }
  }
}

/** The draft with these occurrence changes replacing any for the same occurrences. */
function withOccurrenceChanges(draft: SeriesDraft, changes: readonly OccurrenceChange[]): SeriesDraft {
  if (draft.event_type !== 'RECURRING') return draft;
  const replaced = new Set(changes.map((change) => change.occurrence));
  return {
    ...draft,
    occurrence_changes: [...draft.occurrence_changes.filter((c) => !replaced.has(c.occurrence)), ...changes],
  };
}
