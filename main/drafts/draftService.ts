import type Database from 'better-sqlite3';
import type { ImportSummary, DraftSummary, SyncStatus } from '../../shared/drafts/draftSummary';
import { plannedSessions } from '../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { maxSessionsPerPart, needsParts, partLabel, partName, partRangesOf } from '../../shared/drafts/seriesParts';
import { attendeeRuleInputs } from '../../shared/drafts/seriesRules';
import { draftIssues, validateSeriesFile, type SeriesFile } from '../../shared/drafts/seriesFile';
import { pastStartIssues } from '../../shared/drafts/startRules';
import { CadenceError } from '../../shared/errors';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { plural } from '../../shared/words';
import { explainSqliteError } from '../db/database';
import { readSeriesDraft } from '../db/seriesRows';
import { listDrafts, seriesParts, syncStatus } from '../db/draftQueries';
import { assertNotPart } from '../db/seriesLinkStore';
import type { SeriesPartSummary } from '../../shared/drafts/seriesPartSummary';
import type { Outbox } from '../db/outbox/outbox';
import type { SeriesStore } from '../db/seriesStore';
import type { ClosedDayPlanner } from './closedDayPlanner';
import { withPastSessionsKept } from './pastSessions';
import { lockedPatternIssues } from './publishedPattern';

function ruleInputsOf(draft: SeriesDraft): string {
  return attendeeRuleInputs({ ...draft, sessionStatuses: plannedSessions(draft).map((session) => session.status) });
}

/**
 * A series already on Zoom as one event cannot grow past what one event holds: Zoom would refuse
 * the longer pattern, and the event cannot become several.
 */
function oneEventIssues(next: SeriesDraft, isOnZoom: boolean) {
  if (!isOnZoom || next.event_type !== 'RECURRING' || !needsParts(next)) return [];
  const field = next.recurrence.end_times === undefined ? 'end_date_time' : 'end_times';
  return [
    {
      path: `recurrence.${field}`,
      message: `This series is one event on Zoom, which holds at most ${String(maxSessionsPerPart)} sessions. Keep to ${String(maxSessionsPerPart)}, or draft the longer series as a new one (Duplicate), which reaches Zoom in parts.`,
    },
  ];
}

/** A valid series file, or an invalid-input error listing every problem by JSON path. */
export function validSeriesFile(input: unknown): SeriesFile {
  const result = validateSeriesFile(input);
  if (!result.ok) {
    throw new CadenceError(
      'invalid_input',
      `The series file has ${plural(result.issues.length, 'problem')}; nothing was imported.`,
      result.issues,
    );
  }
  return result.file;
}

/** The parts the store makes of a draft, as an import reports them. */
function partsOf(draft: SeriesDraft): ImportSummary['series'][number]['parts'] {
  if (!needsParts(draft)) return [];
  const ranges = partRangesOf(draft);
  return ranges.map((range, index) => ({
    part: partLabel(index, ranges.length),
    name: partName(draft.name, index, ranges.length),
    ...range,
  }));
}

/** What an import did (or would do), series by series in file order. */
export function importSummary(
  drafts: readonly SeriesDraft[],
  outcomes: readonly { id: string | null; isNew: boolean }[],
  isDryRun: boolean,
): ImportSummary {
  const series = drafts.map((draft, index) => ({
    id: outcomes[index]?.id ?? null,
    key: draft.key ?? null,
    name: draft.name,
    action: outcomes[index]?.isNew === false ? ('update' as const) : ('create' as const),
    sessions: plannedSessions(draft).filter((session) => session.status !== 'cancelled').length,
    attendees: draft.attendees.length,
    parts: partsOf(draft),
  }));
  return {
    dry_run: isDryRun,
    created: series.filter((entry) => entry.action === 'create').length,
    updated: series.filter((entry) => entry.action === 'update').length,
    series,
  };
}

/**
 * Drafts as the hosts see them: import, list, read, save, delete, and the outbox status. Every
 * input is validated here, whoever sends it, and every problem is reported at its path.
 */
export class DraftService {
  constructor(
    private readonly db: Database.Database,
    private readonly store: SeriesStore,
    private readonly outbox: Outbox,
    private readonly clock: () => number,
    private readonly closedDays: ClosedDayPlanner,
  ) {}

  /**
   * Imports a series file: all of it in one transaction, drafts matched by `key`, or nothing and
   * every problem by JSON path. With `dryRun`, reports what would happen and writes nothing.
   */
  importFile(input: unknown, options: { dryRun: boolean }): ImportSummary {
    const drafts = validSeriesFile(this.withClosedDays(input)).series;
    const issues = drafts.flatMap((draft, index) => {
      const id = draft.key === undefined ? undefined : this.guard(() => this.store.idForKey(draft.key ?? ''));
      return [...this.startIssues(draft, id), ...this.lockedIssues(id, draft)].map((issue) => ({
        ...issue,
        path: `series[${String(index)}].${issue.path}`,
      }));
    });
    if (issues.length > 0) {
      throw new CadenceError(
        'invalid_input',
        `The series file has ${plural(issues.length, 'problem')}; nothing was imported.`,
        issues,
      );
    }
    const outcomes = this.guard(() =>
      options.dryRun
        ? drafts.map((draft) => {
            const id = draft.key === undefined ? undefined : this.store.idForKey(draft.key);
            return { id: id ?? null, isNew: id === undefined };
          })
        : this.store.saveAll(drafts),
    );
    return importSummary(drafts, outcomes, options.dryRun);
  }

  /** A series file with each series' closed days applied to its occurrence changes. */
  private withClosedDays(input: unknown): unknown {
    if (typeof input !== 'object' || input === null || !('series' in input) || !Array.isArray(input.series)) {
      return input;
    }
    const series: unknown[] = input.series;
    return {
      ...input,
      series: series.map((draft, index) => this.closedDays.applied(draft, `series[${String(index)}].`)),
    };
  }

  /** What Zoom no longer lets change of the stored series `id` (none for a new series). */
  private lockedIssues(id: string | undefined, next: SeriesDraft) {
    if (id === undefined) return [];
    const stored = this.guard(() => readSeriesDraft(this.db, id, { withAttendees: false }));
    if (stored === undefined) return [];
    const parts = this.guard(() => seriesParts(this.db, id));
    if (parts.length > 0) {
      const published = parts.filter((part) => part.is_published).map((part) => partLabel(part.index, parts.length));
      return lockedPatternIssues(next, stored, published.length > 0).map((issue) => ({
        ...issue,
        message: `Zoom keeps the pattern of this series' published parts (${published.join(', ')}). You can still change the start time and the duration, and move or cancel single sessions; a new pattern continues the series as new events (Change the pattern, in the series, or cadence change-pattern).`,
      }));
    }
    return [
      ...lockedPatternIssues(next, stored, this.outbox.zoomState(id).isPublished),
      ...oneEventIssues(
        next,
        this.guard(() => this.store.isOnZoom(id)),
      ),
    ];
  }

  private keepingPastSessions(id: string | undefined, draft: SeriesDraft): SeriesDraft {
    // A series that is gone is the store's to report.
    if (id === undefined || this.guard(() => readSeriesDraft(this.db, id, { withAttendees: false })) === undefined) {
      return draft;
    }
    return withPastSessionsKept(draft, this.zoomStateOfWhole(id), this.clock());
  }

  /**
   * What Zoom has of a series; for a whole, its parts' sessions numbered as the whole's
   * occurrences, so that sessions that began on any part stay where they took place.
   */
  private zoomStateOfWhole(id: string) {
    const own = this.outbox.zoomState(id);
    const parts = this.guard(() => seriesParts(this.db, id));
    if (parts.length === 0) return own;
    const sessions = new Map(
      parts.flatMap((part) =>
        [...this.outbox.zoomState(part.series_id).sessions].map(
          ([occurrence, session]) => [occurrence + part.first_occurrence - 1, session] as const,
        ),
      ),
    );
    return { ...own, sessions };
  }

  /** The start rule of a series not yet on Zoom (`id` undefined: a new series). */
  private startIssues(draft: SeriesDraft, id: string | undefined) {
    const isOnZoom = id !== undefined && this.guard(() => this.store.isOnZoom(id));
    return pastStartIssues(draft, { now: this.clock(), isOnZoom });
  }

  /** Refuses a draft that breaks the start rule or changes what Zoom keeps, naming the field. */
  private checkChange(draft: SeriesDraft, id: string | undefined): void {
    if (id !== undefined) this.guard(() => assertNotPart(this.db, id));
    const issues = [...this.startIssues(draft, id), ...this.lockedIssues(id, draft)];
    if (issues.length > 0) {
      throw new CadenceError('invalid_input', `The series has ${plural(issues.length, 'problem')}.`, issues);
    }
  }

  /** Turns a locked or damaged database met mid-way into an error that names the file. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw explainSqliteError(error, this.db.name) ?? error;
    }
  }

  /** Keeps a series out of syncs ("Not ready"), or lets it sync again; a whole's parts with it. */
  setReady(id: string, isReady: boolean): void {
    this.guard(() => {
      assertNotPart(this.db, id);
      this.store.setReady(id, isReady);
    });
  }

  /** A series' parts on Zoom, in order; none for a series that is one event. */
  parts(id: string): SeriesPartSummary[] {
    this.get(id, { withAttendees: false });
    return this.guard(() => seriesParts(this.db, id));
  }

  list(): DraftSummary[] {
    return this.guard(() => listDrafts(this.db, formatInstant(this.clock())));
  }

  get(id: string, options: { withAttendees: boolean } = { withAttendees: true }): { id: string; draft: SeriesDraft } {
    const draft = this.guard(() => readSeriesDraft(this.db, id, options));
    if (draft === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
    return { id, draft };
  }

  /** Saves a draft the planner edited; `id` absent creates a new series. */
  save(id: string | undefined, input: unknown): { id: string; isNew: boolean } {
    const parsed = seriesDraftSchema.safeParse(this.closedDays.applied(input));
    if (!parsed.success) {
      const issues = draftIssues(parsed.error);
      throw new CadenceError('invalid_input', `The series has ${plural(issues.length, 'problem')}.`, issues);
    }
    this.checkChange(parsed.data, id);
    const draft = this.keepingPastSessions(id, parsed.data);
    return this.guard(() => this.store.save(draft, id));
  }

  /**
   * Saves the series editor's fields; the attendees stay as stored and must be left out. They
   * are still checked against the new fields (a new registration option may need sessions chosen).
   */
  saveDetails(id: string, input: unknown): { id: string; isNew: boolean } {
    if (typeof input === 'object' && input !== null && 'attendees' in input) {
      throw new CadenceError('invalid_input', 'Attendees are saved from the attendee list, not with the series.', [
        { path: 'attendees', message: 'Leave the attendees out; change them in the attendee list.' },
      ]);
    }
    const stored = this.get(id, { withAttendees: false }).draft;
    const details = this.closedDays.applied(input);
    let parsed = seriesDraftSchema.safeParse({ ...(details as object), attendees: [] });
    // The attendees are read and checked again only when the change could make one of them wrong.
    if (parsed.success && ruleInputsOf(parsed.data) !== ruleInputsOf(stored)) {
      const attendees = this.get(id).draft.attendees;
      parsed = seriesDraftSchema.safeParse({ ...(details as object), attendees });
    }
    if (!parsed.success) {
      const issues = draftIssues(parsed.error);
      throw new CadenceError('invalid_input', `The series has ${plural(issues.length, 'problem')}.`, issues);
    }
    this.checkChange(parsed.data, id);
    const valid = this.keepingPastSessions(id, parsed.data);
    return this.guard(() => this.store.saveDetails(valid, id));
  }

  /**
   * A new draft with everything of the series but its attendees, its key and its changes to
   * single occurrences, named "… (copy)". It is not published until the planner says so.
   */
  duplicate(id: string): { id: string; isNew: boolean } {
    const { draft } = this.get(id);
    const copy = {
      ...draft,
      key: undefined,
      name: `${draft.name} (copy)`.slice(0, 200),
      attendees: [],
      publish: false,
      ...(draft.event_type === 'RECURRING' ? { occurrence_changes: [] } : {}),
    };
    return this.save(undefined, copy);
  }

  /** Deletes a series; a whole goes with its parts. */
  delete(id: string): 'removed' | 'queued' {
    return this.guard(() => {
      assertNotPart(this.db, id);
      return this.store.delete(id);
    });
  }

  status(): SyncStatus {
    return this.guard(() => syncStatus(this.db, this.outbox));
  }
}
