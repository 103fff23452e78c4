import type { OccurrenceChange } from '../../shared/drafts/occurrenceChange';
import { seriesDraftSchema, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import {
  conflictSummarySchema,
  replacedValueSchema,
  type ConflictSummary,
  type ConflictTarget,
  type ReplacedValue,
  type Resolution,
  type ResolutionResult,
} from '../../shared/sync/conflicts';
import type { ChangeSource } from '../../shared/history/seriesHistory';
import { resolutionChanges } from '../../shared/history/resolutionChanges';
import type { ConflictStore, StoredConflict } from '../db/conflictStore';
import type { HistoryStore } from '../db/historyStore';
import type { Outbox } from '../db/outbox/outbox';
import { cancelledSession } from '../db/outbox/zoomRecords';
import type { SeriesStore } from '../db/seriesStore';
import { withValues } from '../../shared/sync/withValues';
import { accessLinkKey } from './operations/accessLink';
import { eventFieldsKey } from './operations/event';
import { meetingKeys } from './operations/meetingPlan';
import type { MeetingConflictResolver } from './meetingConflictResolver';
import { ticketTypeKey } from './operations/ticketType';

/** What a resolution did: the message for the planner, and the draft values it replaced (kept with the conflict). */
interface Settled {
  message: string;
  replaced?: ReplacedValue;
  sameKind?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const recordOf = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** Some fields' values, null where absent (so that restoring them removes the field again). */
function pickFrom(source: object | undefined, keys: readonly string[]): Record<string, unknown> {
  const values = recordOf(source);
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
}

/**
 * Settles conflicts the way the planner chooses: keep mine (the local version goes to Zoom on the
 * next sync) or take theirs (Zoom's version is written into the draft). It acts on the conflict's
 * target, never its words; a draft it would write passes the draft's own rules first. Each
 * resolution is one transaction, keeping the value it replaced; the outbox is re-planned from it.
 */
export class ConflictResolver {
  constructor(
    private readonly conflicts: ConflictStore,
    private readonly outbox: Outbox,
    private readonly series: SeriesStore,
    private readonly history: HistoryStore,
    private readonly meetings: MeetingConflictResolver,
  ) {}

  /** Who the draft writes of a resolution are made by, in the series' history. */
  private by: ChangeSource = { source: 'resolution' };

  list(): ConflictSummary[] {
    return this.conflicts.open().map((conflict) => conflictSummarySchema.parse(conflict));
  }

  resolve(id: number, keep: Resolution): ResolutionResult {
    const conflict = this.conflicts.get(id);
    if (conflict === undefined) throw new CadenceError('not_found', `There is no conflict ${String(id)}.`);
    if (conflict.resolvedAt !== null) throw new CadenceError('conflict', `Conflict ${String(id)} is already settled.`);
    const meetingId = conflict.meeting_id;
    if (meetingId !== null) {
      // A meeting has no series history; its resolution replaces nothing that can be undone.
      return this.outbox.transaction(() => {
        const message = this.meetings.resolve({ ...conflict, meeting_id: meetingId }, keep);
        this.conflicts.markResolved(conflict, keep, undefined);
        return { resolved: id, message, can_undo: false };
      });
    }
    return this.outbox.transaction(() => {
      const settled = this.recorded(conflict, keep === 'local' ? 'keep_mine' : 'take_theirs', () =>
        keep === 'local' ? this.keepLocal(conflict) : this.takeRemote(conflict),
      );
      this.conflicts.markResolved(conflict, keep, settled.replaced, settled.sameKind);
      return { resolved: id, message: settled.message, can_undo: settled.replaced !== undefined };
    });
  }

  /**
   * Undoes taking Zoom's version: the draft gets back the values it replaced and the snapshot what
   * was last synced before, the conflict opens again, and what it held waits for the planner again.
   * Keeping one's own version replaced nothing of the draft and has nothing to undo.
   */
  undo(id: number): { reopened: number; message: string } {
    const conflict = this.conflicts.get(id);
    if (conflict === undefined) throw new CadenceError('not_found', `There is no conflict ${String(id)}.`);
    const replaced = replacedValueSchema.safeParse(this.conflicts.replacedOf(id));
    if (conflict.resolvedAt === null || !replaced.success) {
      throw new CadenceError(
        'conflict',
        `Conflict ${String(id)} has nothing to undo: only taking Zoom’s version changes your draft, and that can be undone.`,
      );
    }
    return this.outbox.transaction(() =>
      this.recorded(conflict, 'undo', () => this.undoInTransaction(conflict, replaced.data)),
    );
  }

  /**
   * Runs a resolution with its draft writes attributed to it; one that wrote nothing into the
   * draft (keep mine changes what is sent) is recorded from the conflict's two versions.
   */
  private recorded<T>(conflict: StoredConflict, resolution: 'keep_mine' | 'take_theirs' | 'undo', settle: () => T): T {
    const mark = this.history.mark();
    this.by = { source: 'resolution', conflictId: conflict.id, resolution };
    try {
      const result = settle();
      const isSeriesKept = this.series.get(conflict.series_id, { withAttendees: false }) !== undefined;
      if (isSeriesKept && !this.history.hasConflictEntriesSince(conflict.id, mark)) {
        this.history.record(
          conflict.series_id,
          this.by,
          resolutionChanges(conflict, resolution === 'take_theirs' ? 'remote' : 'local'),
        );
      }
      return result;
    } finally {
      this.by = { source: 'resolution' };
    }
  }

  private undoInTransaction(conflict: StoredConflict, replaced: ReplacedValue): { reopened: number; message: string } {
    const { id } = conflict;
    this.saveValid(conflict, restored(this.draftOf(conflict), replaced));
    if (replaced.in === 'attendees') {
      // A new registration: the next sync asks Zoom again, and a refusal is a new conflict.
      this.conflicts.forgetReplaced(conflict.id);
      return { reopened: id, message: 'The attendee is back; the next sync asks Zoom to register them again.' };
    }
    const { target } = conflict;
    if (target.item === 'session' && isRecord(conflict.base)) {
      const { start_time: start, end_time: end } = conflict.base;
      if (typeof start === 'string' && typeof end === 'string') {
        this.outbox.records.sessionSynced(conflict.series_id, target.occurrence, {
          start_time: start,
          end_time: end,
          status: 'scheduled',
        });
      }
    } else if (isRecord(conflict.base)) this.acceptAsBase(conflict.series_id, target, conflict.base);
    this.series.replan(conflict.series_id);
    const held = this.outbox.holdPending(conflict.series_id, heldKeyOf(conflict.target), conflict.message);
    this.conflicts.reopen(conflict.id, held ?? null);
    return { reopened: id, message: `Your ${conflict.subject} is back in the draft; the conflict is open again.` };
  }

  private draftOf(conflict: StoredConflict): SeriesDraft {
    const draft = this.series.get(conflict.series_id);
    if (draft === undefined) throw new CadenceError('not_found', 'The series of this conflict no longer exists.');
    return draft;
  }

  /** Saves Zoom's version into the draft, only if the draft stays valid: a stored series must always load. */
  private saveValid(conflict: StoredConflict, candidate: SeriesDraft): void {
    const parsed = seriesDraftSchema.safeParse(candidate);
    if (!parsed.success) {
      const issues = draftIssues(parsed.error);
      const stranded = strandedAttendees(candidate, issues);
      if (stranded.length > 0) {
        throw new CadenceError(
          'conflict',
          `Zoom’s version cancels a session that ${stranded.length === 1 ? 'this attendee' : `these ${String(stranded.length)} attendees`} chose: ${listed(stranded)}. Choose other sessions for them in the attendee list, then take Zoom’s version.`,
          issues,
        );
      }
      throw new CadenceError(
        'conflict',
        `Zoom's version cannot be taken: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}. Keep yours, or change the series and sync again.`,
        issues,
      );
    }
    this.series.save(parsed.data, conflict.series_id, this.by);
  }

  /** Zoom's values become the snapshot of the target, so that the local ones differ from it and are sent. */
  private acceptRemoteAsBase(conflict: StoredConflict, target: ConflictTarget): void {
    this.acceptAsBase(conflict.series_id, target, recordOf(conflict.remote));
  }

  private acceptAsBase(seriesId: string, target: ConflictTarget, values: Record<string, unknown>): void {
    const { records } = this.outbox;
    if (target.item === 'event') records.patchEventBase(seriesId, values);
    else if (target.item === 'ticket_type') records.patchItemBase('ticket_type', seriesId, values);
    else if (target.item === 'access_link') records.patchItemBase('registration_link', seriesId, values);
    else if (target.item === 'registration') records.patchAttendeeBase(target.attendee_id, values);
  }

  private keepLocal(conflict: StoredConflict): Settled {
    const { target } = conflict;
    switch (conflict.kind) {
      case 'event_fields':
      case 'item_fields':
      case 'invalid_remote':
        this.acceptRemoteAsBase(conflict, target);
        this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
        this.series.replan(conflict.series_id);
        return { message: `Your ${conflict.subject} will be sent to Zoom at the next sync.` };
      case 'remote_deleted':
      case 'remote_cancelled':
        this.outbox.records.unlinkSeries(conflict.series_id);
        this.outbox.dropUnfinished(conflict.series_id);
        this.series.replan(conflict.series_id);
        return { message: 'The next sync creates the event on Zoom again, with its registrations.', sameKind: true };
      case 'session_moved': {
        if (target.item !== 'session') break;
        this.outbox.records.sessionSynced(conflict.series_id, target.occurrence, {
          ...(conflict.remote as { start_time: string; end_time: string }),
          status: 'moved',
        });
        this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
        this.series.replan(conflict.series_id);
        return { message: `Your ${conflict.subject} goes to Zoom at the next sync.` };
      }
      case 'session_deleted':
        throw new CadenceError(
          'conflict',
          'Zoom cannot bring back a deleted session of a recurring event. Take Zoom’s version: the occurrence is cancelled here too.',
        );
      case 'schedule_drift': {
        const planned = Array.isArray(conflict.local) ? conflict.local.length : 0;
        if (this.conflicts.mappedSessions(conflict.series_id).size < planned) {
          throw new CadenceError(
            'conflict',
            'Zoom scheduled fewer sessions than Cadence planned, and sessions cannot be added to a recurring event. Take Zoom’s version: the missing occurrences are cancelled here.',
          );
        }
        this.series.replan(conflict.series_id);
        return { message: 'Sessions Zoom scheduled differently are moved to Cadence’s times at the next sync.' };
      }
      default:
        break;
    }
    if (conflict.outboxId !== null) this.outbox.retry(conflict.outboxId);
    return { message: 'It is tried again at the next sync.' };
  }

  private takeRemote(conflict: StoredConflict): Settled {
    if (conflict.remote_refused !== null) throw new CadenceError('conflict', conflict.remote_refused);
    const { target } = conflict;
    const draft = this.draftOf(conflict);
    const remote = recordOf(conflict.remote);
    switch (conflict.kind) {
      case 'event_fields':
      case 'item_fields':
        return this.takeFields(conflict, draft, target, remote);
      case 'remote_deleted':
      case 'remote_cancelled':
        this.conflicts.deleteSeries(conflict.series_id);
        return { message: `"${conflict.series_name}" is removed here too.`, sameKind: true };
      case 'session_moved':
      case 'session_deleted': {
        if (target.item !== 'session') break;
        const { occurrence } = target;
        const moved = isRecord(conflict.remote)
          ? (conflict.remote as { start_time: string; end_time: string })
          : undefined;
        const change: OccurrenceChange =
          moved === undefined
            ? { occurrence, action: 'cancel' }
            : { occurrence, action: 'move', start_time: moved.start_time, end_time: moved.end_time };
        this.saveValid(conflict, withOccurrenceChanges(draft, [change]));
        this.outbox.records.sessionSynced(
          conflict.series_id,
          occurrence,
          moved === undefined ? cancelledSession : { ...moved, status: 'moved' },
        );
        this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
        this.series.replan(conflict.series_id);
        return {
          message: `Session ${String(occurrence)} is now as Zoom has it.`,
          replaced: { in: 'occurrence_changes', changes: occurrenceChangesOf(draft) },
        };
      }
      case 'schedule_drift': {
        const sessions = this.conflicts.mappedSessions(conflict.series_id);
        const local = Array.isArray(conflict.local) ? (conflict.local as string[]) : [];
        const changes = local.flatMap((start, i): OccurrenceChange[] => {
          const session = sessions.get(i + 1);
          if (session === undefined || session.start_time === '') return [{ occurrence: i + 1, action: 'cancel' }];
          return session.start_time === start
            ? []
            : [{ occurrence: i + 1, action: 'move', start_time: session.start_time, end_time: session.end_time }];
        });
        this.saveValid(conflict, withOccurrenceChanges(draft, changes));
        return {
          message: 'The draft now follows the sessions Zoom scheduled.',
          replaced: { in: 'occurrence_changes', changes: occurrenceChangesOf(draft) },
        };
      }
      case 'ticket_refused':
        return target.item === 'registration' && target.operation === 'ticket.update'
          ? this.dropSessionChange(conflict, draft, target)
          : this.withdrawRegistration(conflict, draft, target);
      default:
        break;
    }
    return this.withdrawRefused(conflict, draft, target);
  }

  /** Zoom's values of the target's fields written into the draft. */
  private takeFields(
    conflict: StoredConflict,
    draft: SeriesDraft,
    target: ConflictTarget,
    remote: Record<string, unknown>,
  ): Settled {
    const fields = Object.keys(remote);
    let candidate: SeriesDraft;
    let replaced: ReplacedValue;
    if (target.item === 'registration') {
      const email = target.email.toLowerCase();
      const attendee = draft.attendees.find((a) => a.email.toLowerCase() === email);
      replaced = { in: 'attendee', email, fields: pickFrom(attendee, fields) };
      candidate = {
        ...draft,
        attendees: draft.attendees.map((a) => (a.email.toLowerCase() === email ? withValues(a, remote) : a)),
      } as SeriesDraft;
    } else if (target.item === 'ticket_type' || target.item === 'access_link') {
      const field = target.item === 'ticket_type' ? 'ticket_type' : 'registration';
      replaced = { in: field, fields: pickFrom(draft[field], fields) };
      candidate = { ...draft, [field]: withValues(draft[field] ?? {}, remote) };
    } else {
      replaced = { in: 'series', fields: pickFrom(draft, fields) };
      candidate = withValues(draft, remote) as SeriesDraft;
    }
    this.saveValid(conflict, candidate);
    this.acceptRemoteAsBase(conflict, target);
    this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
    this.series.replan(conflict.series_id);
    return { message: `Zoom's ${conflict.subject} is now in the draft.`, replaced };
  }

  private withdrawRegistration(conflict: StoredConflict, draft: SeriesDraft, target: ConflictTarget): Settled {
    const email = target.item === 'registration' ? target.email.toLowerCase() : '';
    const attendee = draft.attendees.find((a) => a.email.toLowerCase() === email);
    this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
    this.saveValid(conflict, { ...draft, attendees: draft.attendees.filter((a) => a.email.toLowerCase() !== email) });
    return {
      message: `${email} is removed from the attendees.`,
      ...(attendee === undefined ? {} : { replaced: { in: 'attendees', attendee } }),
    };
  }

  /**
   * Zoom refused the new ticket of a change of sessions, after cancelling the old one: the person
   * goes back to the sessions they had, and since Zoom holds no ticket for them any more, the next
   * sync registers them for those sessions.
   */
  private dropSessionChange(
    conflict: StoredConflict,
    draft: SeriesDraft,
    target: Extract<ConflictTarget, { item: 'registration' }>,
  ): Settled {
    const email = target.email.toLowerCase();
    const attendee = draft.attendees.find((a) => a.email.toLowerCase() === email);
    const before = this.outbox.attendeeBase(target.attendee_id)?.occurrences;
    this.outbox.records.registrationUnlinked(target.attendee_id);
    this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
    this.saveValid(conflict, {
      ...draft,
      attendees: draft.attendees.map((a) =>
        a.email.toLowerCase() === email ? withValues(a, { occurrences: before ?? null }) : a,
      ),
    } as SeriesDraft);
    this.series.replan(conflict.series_id);
    return {
      message: `${target.email} goes back to the sessions they had; the next sync registers them on Zoom again.`,
      replaced: { in: 'attendee', email, fields: pickFrom(attendee, ['occurrences']) },
    };
  }

  /** Zoom keeps what it has; the change it refused is withdrawn here. */
  private withdrawRefused(conflict: StoredConflict, draft: SeriesDraft, target: ConflictTarget): Settled {
    if (target.operation === 'access_link.create' && conflict.outboxId !== null) {
      // Zoom has a link of that name: the next sync looks for it by name and adopts it.
      this.outbox.retryAsUnknown(conflict.outboxId);
      return { message: 'The link Zoom already has under that name becomes this series’ link at the next sync.' };
    }
    if (target.item === 'registration' && target.operation === 'ticket.create')
      return this.withdrawRegistration(conflict, draft, target);
    if ((target.item === 'ticket_type' || target.item === 'access_link') && isRecord(conflict.remote)) {
      // Fields Zoom kept on its own ticket type or link: the draft takes them.
      return this.takeFields(conflict, draft, target, conflict.remote);
    }
    this.outbox.dropHeld(conflict.series_id, conflict.outboxId);
    const changes = recordOf(recordOf(conflict.local).changes);
    const base = this.outbox.eventBase(conflict.series_id);
    if (target.item === 'event' && target.operation === 'event.update' && base !== undefined) {
      // Event fields go back to what Zoom has, so the change is not planned again.
      const fields = Object.keys(changes);
      this.saveValid(conflict, { ...draft, ...pickFrom(base, fields) });
      return {
        message: 'The change Zoom refused is withdrawn; Zoom keeps what it has.',
        replaced: { in: 'series', fields: pickFrom(draft, fields) },
      };
    }
    this.series.replan(conflict.series_id);
    return { message: 'The change Zoom refused is withdrawn; Zoom keeps what it has.' };
  }
}

/** The draft with what a resolution replaced put back. */
function restored(draft: SeriesDraft, replaced: ReplacedValue): SeriesDraft {
  switch (replaced.in) {
    case 'series':
      return withValues(draft, replaced.fields) as SeriesDraft;
    case 'ticket_type':
    case 'registration':
      return { ...draft, [replaced.in]: withValues(draft[replaced.in] ?? {}, replaced.fields) };
    case 'attendee':
      return {
        ...draft,
        attendees: draft.attendees.map((a) =>
          a.email.toLowerCase() === replaced.email ? withValues(a, replaced.fields) : a,
        ),
      } as SeriesDraft;
    case 'attendees':
      return { ...draft, attendees: [...draft.attendees, replaced.attendee] } as SeriesDraft;
    case 'occurrence_changes':
      return draft.event_type === 'RECURRING'
        ? ({ ...draft, occurrence_changes: replaced.changes } as SeriesDraft)
        : draft;
  }
}

/** The outbox key of the operation a conflict about this target holds. */
function heldKeyOf(target: ConflictTarget): string {
  switch (target.item) {
    case 'event':
      return eventFieldsKey;
    case 'ticket_type':
      return `${ticketTypeKey}.fields`;
    case 'access_link':
      return `${accessLinkKey}.fields`;
    case 'session':
      return `session:${String(target.occurrence)}`;
    case 'registration':
      return `ticket:${target.attendee_id}`;
    case 'sessions':
      return 'sessions';
    case 'meeting':
      return meetingKeys.fields;
  }
}

function occurrenceChangesOf(draft: SeriesDraft): OccurrenceChange[] {
  return draft.event_type === 'RECURRING' ? draft.occurrence_changes : [];
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

/** The attendees whose chosen sessions a candidate draft cancels, by the problems found at their sessions. */
function strandedAttendees(candidate: SeriesDraft, issues: readonly { path: string }[]): string[] {
  const indexes = new Set(
    issues.flatMap((issue) => {
      const match = /^attendees\[(\d+)\]\.occurrences/.exec(issue.path);
      return match === null ? [] : [Number(match[1])];
    }),
  );
  return [...indexes].flatMap((index) => {
    const email = candidate.attendees[index]?.email;
    return email === undefined ? [] : [email];
  });
}

/** The first few of a list, and how many more. */
function listed(items: readonly string[], shown = 5): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${String(items.length - shown)} more` : head;
}
