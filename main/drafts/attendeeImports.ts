import { randomUUID } from 'node:crypto';
import type { AttendeeImportSummary } from '../../shared/drafts/attendeeList';
import { CadenceError } from '../../shared/errors';
import { plural } from '../../shared/words';
import type { AttendeeService } from './attendeeService';

/** An import whose rows are arriving in parts. */
interface Staging {
  seriesId: string;
  rows: unknown[];
  received: number;
  arrived: boolean[];
  touchedAt: number;
}

/** An import left alone this long is dropped: its planner closed the window or gave up. */
const abandonedAfterMs = 30 * 60_000;

/**
 * A large attendee import sent in parts, each small enough for one request, and written in one
 * transaction once every part has arrived. Until then the parts wait here in memory, so an
 * import interrupted at any point (a closed window, a crash) leaves the list as it was.
 */
export class AttendeeImports {
  private readonly staged = new Map<string, Staging>();

  constructor(
    private readonly attendees: AttendeeService,
    private readonly clock: () => number,
  ) {}

  /** Starts an import of `total` rows into the series; answers the ID its parts carry. */
  begin(seriesId: string, total: number): { importId: string } {
    this.attendees.requireSeries(seriesId);
    const now = this.clock();
    for (const [id, staging] of this.staged) {
      // One import per series at a time: a new one replaces a forgotten one.
      if (staging.seriesId === seriesId || now - staging.touchedAt > abandonedAfterMs) this.staged.delete(id);
    }
    const importId = randomUUID();
    this.staged.set(importId, {
      seriesId,
      rows: new Array<unknown>(total),
      received: 0,
      arrived: new Array<boolean>(total).fill(false),
      touchedAt: now,
    });
    return { importId };
  }

  /** Keeps the rows that start at row `offset` (counted from 0); sending a part again is harmless. */
  add(importId: string, offset: number, rows: readonly unknown[]): { received: number } {
    const staging = this.stagingOf(importId);
    if (offset + rows.length > staging.rows.length) {
      throw new CadenceError(
        'invalid_input',
        `This import has ${plural(staging.rows.length, 'row')}; rows past the last one were sent.`,
        [{ path: 'offset', message: `Rows ${String(offset + 1)} to ${String(offset + rows.length)} do not fit.` }],
      );
    }
    rows.forEach((row, index) => {
      const at = offset + index;
      if (!staging.arrived[at]) staging.received += 1;
      staging.arrived[at] = true;
      staging.rows[at] = row;
    });
    staging.touchedAt = this.clock();
    return { received: staging.received };
  }

  /**
   * Checks and writes every row in one transaction, then forgets the import. Nothing is written
   * when a row is missing or any row has a problem (each named at `attendees[i].field`).
   */
  commit(importId: string): AttendeeImportSummary {
    const staging = this.stagingOf(importId);
    const missing = staging.rows.length - staging.received;
    if (missing > 0) {
      throw new CadenceError(
        'invalid_input',
        `${plural(missing, 'row')} of ${plural(staging.rows.length, 'row')} did not arrive; nothing was imported. Import the file again.`,
      );
    }
    try {
      return this.attendees.importMany(staging.seriesId, staging.rows, false);
    } finally {
      this.staged.delete(importId);
    }
  }

  /** Forgets an import; the list stays as it was. */
  cancel(importId: string): { wasStaged: boolean } {
    return { wasStaged: this.staged.delete(importId) };
  }

  private stagingOf(importId: string): Staging {
    const staging = this.staged.get(importId);
    if (staging === undefined) {
      throw new CadenceError(
        'not_found',
        'This import was interrupted and nothing was imported. Import the file again.',
      );
    }
    return staging;
  }
}
