import { maxSessionsPerPart, partLabel, partRangesOf, type PartRange } from '../../shared/drafts/seriesParts';
import type { SeriesDetails } from '../stores/useEditorStore';
import type { PreviewSession } from './schedulePreview';

/** One part of a series as the preview heads it: which sessions of the whole it holds. */
export interface PreviewPart {
  /** 0-based. */
  index: number;
  total: number;
  /** The whole's occurrence numbers of the part's first and last sessions. */
  first: number;
  last: number;
}

/** A series that Zoom holds as one event has no parts to show. */
const noParts: readonly PreviewPart[] = [];

let lastSessions: readonly PreviewSession[] | undefined;
let lastParts: readonly PreviewPart[] = noParts;

/**
 * The parts the previewed series becomes on Zoom, from the same split the sync sends; none while
 * it fits one event. Worked out again only when the sessions are (`previewSessions` gives the same
 * list while no schedule field changed), so a keystroke in the name costs nothing here.
 */
export function previewParts(details: SeriesDetails, sessions: readonly PreviewSession[]): readonly PreviewPart[] {
  if (sessions === lastSessions) return lastParts;
  lastSessions = sessions;
  lastParts = details.event_type === 'RECURRING' && sessions.length > 0 ? partsOf(details) : noParts;
  return lastParts;
}

function partsOf(details: SeriesDetails): readonly PreviewPart[] {
  const ranges: PartRange[] = partRangesOf({ ...details, attendees: [] });
  if (ranges.length <= 1) return noParts;
  return ranges.map((range, index) => ({
    index,
    total: ranges.length,
    first: range.first_occurrence,
    last: range.first_occurrence + range.count - 1,
  }));
}

/** "Part 2 of 5", as a heading starts. */
export function partTitle(index: number, total: number): string {
  const label = partLabel(index, total);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/** "Part 2 of 5 · sessions 61–120 · becomes its own event on Zoom" */
export function partHeading(part: PreviewPart, isOnZoom: boolean): string {
  return [
    partTitle(part.index, part.total),
    `sessions ${String(part.first)}–${String(part.last)}`,
    isOnZoom ? 'its own event on Zoom' : 'becomes its own event on Zoom',
  ].join(' · ');
}

/** The series-level line: what Zoom will hold, and why. */
export function partsHint(total: number, isOnZoom: boolean): string {
  const why = `(Zoom allows ${String(maxSessionsPerPart)} sessions in one)`;
  return isOnZoom
    ? `On Zoom as ${String(total)} linked events ${why}; Cadence keeps them as one series.`
    : `Will become ${String(total)} linked events on Zoom ${why}; Cadence keeps them as one series.`;
}
