import type Database from 'better-sqlite3';
import type { AttendeeImportSummary, AttendeeRow } from '../../shared/drafts/attendeeList';
import { seriesDraftSchema, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import type { Issue } from '../../shared/ipc/envelope';
import { agree, plural } from '../../shared/words';
import type { PlaceCount } from '../../shared/drafts/capacity';
import type { AttendeeStore } from '../db/attendeeStore';
import type { WaitingList } from '../db/waitingList';
import { explainSqliteError } from '../db/database';
import { readSeriesDraft } from '../db/seriesRows';

/** A person as a planner names them: their name, or their email without one. */
function personName(row: AttendeeRow): string {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
  return name === '' ? row.email : name;
}

/**
 * A series' attendees one by one, for the attendee table: list, add or change one, remove some,
 * add many at once (a CSV import). Each attendee is checked with the series' own rules — the
 * registration option decides whether sessions must be chosen — and every problem is named.
 */
export class AttendeeService {
  constructor(
    private readonly db: Database.Database,
    private readonly store: AttendeeStore,
    private readonly waiting: WaitingList,
  ) {}

  list(seriesId: string): AttendeeRow[] {
    this.details(seriesId);
    return this.guard(() => this.store.list(seriesId));
  }

  /** Adds a person (no `id`) or changes the one with `id`. */
  save(seriesId: string, id: string | undefined, input: unknown): { id: string } {
    const [attendee] = this.validate(seriesId, [input], (path) => path.replace(/^attendees\[0\]\.?/, 'attendee.'));
    if (attendee === undefined) throw new CadenceError('internal', 'The attendee was not read back.');
    if (
      id === undefined &&
      // Someone only a part holds (from its Zoom page) may be added to the series as a whole.
      this.store
        .list(seriesId)
        .some((row) => !row.in_parts_only && row.email.toLowerCase() === attendee.email.toLowerCase())
    ) {
      throw new CadenceError('invalid_input', `${attendee.email} is already on the list.`, [
        { path: 'attendee.email', message: `${attendee.email} is already on the list; edit that row instead.` },
      ]);
    }
    const written = this.guard(() => this.store.write(seriesId, [{ ...(id === undefined ? {} : { id }), attendee }]));
    return { id: written.ids[0] ?? '' };
  }

  remove(seriesId: string, ids: readonly string[]): { removed: number } {
    this.details(seriesId);
    return { removed: this.guard(() => this.store.remove(seriesId, ids)) };
  }

  /**
   * Adds many people, matching existing ones by email (their row is updated): all of them, or
   * none and every problem as `attendees[i].field`. With `dryRun`, only counts.
   */
  importMany(seriesId: string, inputs: readonly unknown[], dryRun: boolean): AttendeeImportSummary {
    const attendees = this.validate(seriesId, inputs, (path) => path);
    if (dryRun) {
      const known = new Set(this.store.list(seriesId).map((row) => row.email.toLowerCase()));
      const updated = attendees.filter((attendee) => known.has(attendee.email.toLowerCase())).length;
      return { dry_run: true, added: attendees.length - updated, updated };
    }
    const written = this.guard(() =>
      this.store.write(
        seriesId,
        attendees.map((attendee) => ({ attendee })),
      ),
    );
    return { dry_run: false, added: written.added, updated: written.updated };
  }

  /** How many people chose session `occurrence`, and the first few of them by name or email. */
  pickers(seriesId: string, occurrence: number): { count: number; names: string[] } {
    const chosen = this.list(seriesId).filter((row) => row.occurrences?.includes(occurrence) === true);
    return { count: chosen.length, names: chosen.slice(0, 5).map(personName) };
  }

  /**
   * Moves every pick of session `from` to session `to` (someone who chose both keeps one), in one
   * transaction and checked by the series' rules like any other edit of the list.
   */
  movePicks(seriesId: string, from: number, to: number): { moved: number } {
    // People only a part holds chose on that part's Zoom page: their registration stays the part's.
    const rows = this.list(seriesId).filter((row) => !row.in_parts_only && row.occurrences?.includes(from) === true);
    if (rows.length === 0 || from === to) return { moved: 0 };
    const inputs = rows.map((row) => {
      const attendee: Record<string, unknown> = { ...row };
      delete attendee.id;
      delete attendee.on_zoom;
      delete attendee.parts;
      delete attendee.origin;
      delete attendee.in_parts_only;
      delete attendee.waiting_place;
      delete attendee.waiting_for;
      delete attendee.promoted;
      attendee.occurrences = [...new Set((row.occurrences ?? []).map((n) => (n === from ? to : n)))].sort(
        (a, b) => a - b,
      );
      return attendee;
    });
    const attendees = this.validate(seriesId, inputs, (path) => path);
    this.guard(() =>
      this.store.write(
        seriesId,
        attendees.map((attendee, index) => ({ id: rows[index]?.id ?? '', attendee })),
      ),
    );
    return { moved: rows.length };
  }

  /** Moves a waiting person to `place` in the waiting list (1 is next in line). */
  moveWaiting(seriesId: string, id: string, place: number): { place: number } {
    this.details(seriesId);
    this.guard(() => {
      this.store.moveWaiting(seriesId, id, place - 1);
    });
    const row = this.store.list(seriesId).find((candidate) => candidate.id === id);
    return { place: row?.waiting_place ?? place };
  }

  /** Places taken and people waiting, for the series and for each session with a capacity. */
  places(seriesId: string): PlaceCount[] {
    this.details(seriesId);
    return this.guard(() => this.waiting.counts(seriesId));
  }

  /** Refuses, in words, a series that no longer exists. */
  requireSeries(seriesId: string): void {
    this.details(seriesId);
  }

  private details(seriesId: string): SeriesDraft {
    const draft = this.guard(() => readSeriesDraft(this.db, seriesId, { withAttendees: false }));
    if (draft === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
    return draft;
  }

  /** The attendees as the series' rules see them, or every problem at `rename(path)`. */
  private validate(seriesId: string, inputs: readonly unknown[], rename: (path: string) => string) {
    const details = this.details(seriesId);
    const parsed = seriesDraftSchema.safeParse({ ...details, attendees: inputs });
    if (parsed.success) return parsed.data.attendees;
    const issues: Issue[] = draftIssues(parsed.error).map((issue) => ({ ...issue, path: rename(issue.path) }));
    const rows = new Set(issues.map((issue) => /^attendees\[(\d+)\]/.exec(issue.path)?.[1]).filter(Boolean));
    // A problem of no one row (the list is too long, the tickets too few) is the message itself.
    const listProblem = rows.size === 0 ? issues[0] : undefined;
    if (listProblem !== undefined)
      throw new CadenceError('invalid_input', `${listProblem.message} Nothing was added.`, issues);
    const message =
      inputs.length === 1
        ? `The attendee has ${plural(issues.length, 'problem')}.`
        : `${plural(rows.size, 'attendee')} of ${inputs.length.toLocaleString('en-US')} ${agree(rows.size, 'has', 'have')} problems; nothing was added.`;
    throw new CadenceError('invalid_input', message, issues);
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw explainSqliteError(error, this.db.name) ?? error;
    }
  }
}
