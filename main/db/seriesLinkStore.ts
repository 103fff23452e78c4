import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import { linkedSeriesSchema, type SeriesLinkKind, type SeriesLinks } from '../../shared/drafts/seriesLink';

const linkRowSchema = linkedSeriesSchema;

const predecessorRowSchema = z.object({
  series_id: z.string(),
  name: z.string(),
  replaced_id: z.string(),
  event_id: z.string(),
  cancel_message: z.string(),
});

/** An old event a series' sync cancels on Zoom once the series holds every carried registration. */
export interface PredecessorToCancel {
  seriesId: string;
  /** Its event's name on Zoom ("Standup (part 2 of 3)" for a part). */
  name: string;
  /** The series the planner replaced: the predecessor itself, or the long series it is a part of. */
  replacedId: string;
  eventId: string;
  message: string;
}

/** Typed links between series (`series_link`): written with the change that makes them, read both ways. */
export class SeriesLinkStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Joins the caller's transaction. */
  add(input: {
    from: string;
    to: string;
    kind: SeriesLinkKind;
    cancelMessage: string | null;
    position?: number;
    /** A link with nothing left for the sync to do is settled as it is made. */
    isSettled?: boolean;
  }): void {
    const now = this.now();
    addSeriesLink(this.db, { ...input, now, ...(input.isSettled === true ? { settledAt: now } : {}) });
  }

  /** The series that took this one's place after a pattern change, if any. */
  successorOf(seriesId: string): string | undefined {
    const id: unknown = this.db
      .prepare(`SELECT to_series_id FROM series_link WHERE from_series_id = ? AND kind = 'pattern_change'`)
      .pluck()
      .get(seriesId);
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * A series' links both ways, oldest first. A replaced long series is named once: the links of
   * its parts, which say which of its events the successor cancels, are the sync's.
   */
  linksOf(seriesId: string): SeriesLinks {
    const read = (sql: string) =>
      this.db
        .prepare(sql)
        .all(seriesId)
        .map((raw) => linkRowSchema.parse(raw));
    return {
      replaces: read(
        `SELECT l.from_series_id AS series_id, s.name, l.kind, l.created_at, l.settled_at, l.cancel_message
         FROM series_link l JOIN series s ON s.id = l.from_series_id WHERE l.to_series_id = ?
           AND NOT EXISTS (SELECT 1 FROM series_link w WHERE w.to_series_id = l.from_series_id AND w.kind = 'part')
         ORDER BY l.created_at`,
      ),
      replaced_by: read(
        `SELECT l.to_series_id AS series_id, s.name, l.kind, l.created_at, l.settled_at, l.cancel_message
         FROM series_link l JOIN series s ON s.id = l.to_series_id WHERE l.from_series_id = ? ORDER BY l.created_at`,
      ),
    };
  }
}

/** Writes a link; joins the caller's transaction. */
export function addSeriesLink(
  db: Database.Database,
  input: {
    from: string;
    to: string;
    kind: SeriesLinkKind;
    cancelMessage: string | null;
    position?: number;
    firstOccurrence?: number;
    now: string;
    settledAt?: string;
  },
): void {
  db.prepare(
    `INSERT INTO series_link (from_series_id, to_series_id, kind, position, first_occurrence, cancel_message, created_at, settled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.from,
    input.to,
    input.kind,
    input.position ?? 1,
    input.firstOccurrence ?? null,
    input.cancelMessage,
    input.now,
    input.settledAt ?? null,
  );
}

const partLinkRowSchema = z.object({
  series_id: z.string(),
  position: z.number().int(),
  first_occurrence: z.number().int().nullable(),
  count: z.number().int(),
  zoom_event_id: z.string().nullable(),
});

/** A whole's live parts in order: which of its occurrences each holds, and its Zoom event ID (null until synced). */
export function partLinksOf(
  db: Database.Database,
  wholeId: string,
): { seriesId: string; position: number; first_occurrence: number; count: number; eventId: string | null }[] {
  return db
    .prepare(
      `SELECT l.to_series_id AS series_id, l.position, l.first_occurrence, s.zoom_event_id,
         (SELECT count(*) FROM occurrence o WHERE o.series_id = s.id) AS count
       FROM series_link l JOIN series s ON s.id = l.to_series_id
       WHERE l.from_series_id = ? AND l.kind = 'part' AND s.deleted_at IS NULL ORDER BY l.position`,
    )
    .all(wholeId)
    .map((raw) => {
      const row = partLinkRowSchema.parse(raw);
      return {
        seriesId: row.series_id,
        position: row.position,
        first_occurrence: row.first_occurrence ?? 1,
        count: row.count,
        eventId: row.zoom_event_id,
      };
    });
}

/** Whether the series reaches Zoom through its parts, never as an event of its own. */
export function isWhole(db: Database.Database, seriesId: string): boolean {
  return db.prepare(`SELECT 1 FROM series_link WHERE from_series_id = ? AND kind = 'part'`).get(seriesId) !== undefined;
}

const wholeRowSchema = z.object({ whole_id: z.string(), name: z.string(), position: z.number().int() });

/** The whole a part belongs to, if the series is a part: the whole's ID and name, and the part's position. */
export function wholeOf(
  db: Database.Database,
  seriesId: string,
): { wholeId: string; name: string; position: number } | undefined {
  const raw = db
    .prepare(
      `SELECT l.from_series_id AS whole_id, s.name, l.position
       FROM series_link l JOIN series s ON s.id = l.from_series_id WHERE l.to_series_id = ? AND l.kind = 'part'`,
    )
    .get(seriesId);
  if (raw === undefined) return undefined;
  const row = wholeRowSchema.parse(raw);
  return { wholeId: row.whole_id, name: row.name, position: row.position };
}

const partPlaceSchema = z.object({
  whole_id: z.string(),
  first_occurrence: z.number().int().nullable(),
  count: z.number().int(),
});

/** Where a part sits in its whole: the whole's ID, the whole's number of its first session, and how many it holds. */
export function partPlaceOf(
  db: Database.Database,
  seriesId: string,
): { wholeId: string; firstOccurrence: number; count: number } | undefined {
  const raw = db
    .prepare(
      `SELECT l.from_series_id AS whole_id, l.first_occurrence,
         (SELECT count(*) FROM occurrence o WHERE o.series_id = l.to_series_id) AS count
       FROM series_link l WHERE l.to_series_id = ? AND l.kind = 'part'`,
    )
    .get(seriesId);
  if (raw === undefined) return undefined;
  const row = partPlaceSchema.parse(raw);
  return { wholeId: row.whole_id, firstOccurrence: row.first_occurrence ?? 1, count: row.count };
}

/**
 * Refuses a planner's change made to a part itself: the whole is the series the planner edits, and
 * every save of it derives its parts again. Joins the caller's transaction.
 */
export function assertNotPart(db: Database.Database, seriesId: string): void {
  const whole = wholeOf(db, seriesId);
  if (whole === undefined) return;
  throw new CadenceError(
    'conflict',
    `This is part ${String(whole.position)} of "${whole.name}" on Zoom; change "${whole.name}", and its parts follow.`,
  );
}

/**
 * The whole whose last part the series is: a pattern change that continues a series as a whole
 * leaves the old event's cancel to its last part, which waits for the others.
 */
const lastPartsWhole = `SELECT p.from_series_id FROM series_link p
  WHERE p.to_series_id = @id AND p.kind = 'part'
    AND p.position = (SELECT max(q.position) FROM series_link q WHERE q.from_series_id = p.from_series_id AND q.kind = 'part')`;

/**
 * The old events a series still has to cancel on Zoom (a pattern change not yet settled): the
 * replaced series' own event, or each part of a replaced long series that was still to come.
 */
export function readPredecessorsToCancel(db: Database.Database, seriesId: string): PredecessorToCancel[] {
  return db
    .prepare(
      `SELECT l.from_series_id AS series_id, s.name, s.zoom_event_id AS event_id, l.cancel_message,
         coalesce((SELECT w.from_series_id FROM series_link w WHERE w.to_series_id = l.from_series_id AND w.kind = 'part'),
           l.from_series_id) AS replaced_id
       FROM series_link l JOIN series s ON s.id = l.from_series_id
       WHERE l.kind = 'pattern_change' AND l.settled_at IS NULL
         AND s.zoom_event_id IS NOT NULL AND l.cancel_message IS NOT NULL
         AND l.to_series_id IN (@id, (${lastPartsWhole}))
       ORDER BY l.created_at, s.zoom_event_id`,
    )
    .all({ id: seriesId })
    .map((raw) => {
      const row = predecessorRowSchema.parse(raw);
      return {
        seriesId: row.series_id,
        name: row.name,
        replacedId: row.replaced_id,
        eventId: row.event_id,
        message: row.cancel_message,
      };
    });
}

/**
 * Refuses a change to a series a pattern change replaced: it stays as it was, readable, and its
 * successor is the one to change. Joins the caller's transaction.
 */
export function assertNotReplaced(db: Database.Database, seriesId: string): void {
  const successor = z
    .string()
    .optional()
    .parse(
      db
        .prepare(
          `SELECT s.name FROM series_link l JOIN series s ON s.id = l.to_series_id
           WHERE l.from_series_id = ? AND l.kind = 'pattern_change'`,
        )
        .pluck()
        .get(seriesId),
    );
  if (successor === undefined) return;
  throw new CadenceError(
    'conflict',
    `This series continues as "${successor}" since its pattern changed; it stays as it was. Change "${successor}" instead.`,
  );
}
