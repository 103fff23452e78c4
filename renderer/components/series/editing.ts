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

/** A copy of an object without some of its fields. */
export function omit<T extends object, K extends keyof T>(value: T, fields: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([field]) => !fields.includes(field as K))) as Omit<T, K>;
}

/** The details with fields removed from the recurrence. */
export function withoutRecurrenceFields(
  details: SeriesDetails,
  fields: readonly (keyof RecurrenceDraft)[],
): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  return { ...details, recurrence: omit(details.recurrence, fields) as RecurrenceDraft };
}
