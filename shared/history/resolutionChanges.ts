import type { ConflictTarget } from '../sync/conflicts';
import { isSameValue, type HistoryChange } from './seriesChanges';
import type { HistoryItem } from './seriesHistory';

/** What of a conflict a resolution entry names. */
export interface ResolvedConflict {
  target: ConflictTarget;
  subject: string;
  local: unknown;
  remote: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function whereOf(target: ConflictTarget): { item: HistoryItem; subject: string | null; field?: string } {
  switch (target.item) {
    case 'event':
      return { item: 'event', subject: null };
    case 'ticket_type':
      return { item: 'ticket_type', subject: null };
    case 'access_link':
      return { item: 'registration', subject: null };
    case 'session':
      return { item: 'session', subject: `session ${String(target.occurrence)}`, field: 'change' };
    case 'sessions':
      return { item: 'session', subject: null, field: 'schedule' };
    case 'registration':
      return { item: 'attendee', subject: target.email.toLowerCase(), field: '*' };
    case 'meeting':
      // A meeting has no series history; its resolutions are not recorded there.
      return { item: 'event', subject: null };
  }
}

/**
 * A resolution's entries when it wrote nothing into the draft (keep mine: what the next sync
 * sends instead of Zoom's values), from the conflict's two versions: `towards` is the version
 * that now stands, the other one is the old value. Field by field when both are fields.
 */
export function resolutionChanges(conflict: ResolvedConflict, towards: 'local' | 'remote'): HistoryChange[] {
  const where = whereOf(conflict.target);
  const [old, next] = towards === 'local' ? [conflict.remote, conflict.local] : [conflict.local, conflict.remote];
  if (isRecord(old) && isRecord(next) && where.field === undefined) {
    const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
    const changes = fields.flatMap((field): HistoryChange[] =>
      isSameValue(old[field], next[field])
        ? []
        : [{ item: where.item, subject: where.subject, field, old: old[field] ?? null, new: next[field] ?? null }],
    );
    if (changes.length > 0) return changes;
  }
  return [
    {
      item: where.item,
      subject: where.subject,
      field: where.field ?? conflict.subject,
      old: old ?? null,
      new: next ?? null,
    },
  ];
}
