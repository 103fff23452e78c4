import type { SeriesDetails } from '../stores/useEditorStore';
import { plural } from './words';

/**
 * The question to ask before a session is cancelled, when Zoom will email people about it: a
 * published series whose attendees register for all sessions. Undefined when nobody is told.
 */
export function cancelQuestion(
  details: SeriesDetails,
  occurrence: number,
  facts: { isPublished: boolean; registrants: number },
): string | undefined {
  if (details.event_type !== 'RECURRING' || !facts.isPublished || facts.registrants === 0) return undefined;
  const option = details.registration?.recurring_registration_option ?? 'all_sessions';
  if (option !== 'all_sessions') return undefined;
  const told = facts.registrants === 1 ? '1 registrant is' : `${plural(facts.registrants, 'registrant')} are`;
  return `Cancel session ${String(occurrence)}? At the next sync Zoom cancels it and ${told} emailed.`;
}
