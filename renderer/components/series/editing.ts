import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import type { Issue } from '../../../shared/ipc/envelope';
import type { RecurrenceDraft } from '../../../shared/recurrence/recurrenceSchema';
import type { SeriesDetails } from '../../stores/useEditorStore';

/** What every part of the series form receives: the details, their problems, and a way to edit. */
export interface EditorPartProps {
  api: CadenceApi;
  details: SeriesDetails;
  issues: readonly Issue[];
  edit: (change: (details: SeriesDetails) => SeriesDetails) => void;
}

/** The details with some recurrence fields changed (a recurring series only). */
export function withRecurrence(details: SeriesDetails, fields: Partial<RecurrenceDraft>): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  return { ...details, recurrence: { ...details.recurrence, ...fields } };
}

/** The details with fields removed from the recurrence. */
export function withoutRecurrenceFields(details: SeriesDetails, fields: readonly string[]): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  const recurrence: Record<string, unknown> = { ...details.recurrence };
  for (const field of fields) delete recurrence[field];
  return { ...details, recurrence: recurrence as RecurrenceDraft };
}
