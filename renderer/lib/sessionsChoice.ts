import type { SeriesDetails } from '../stores/useEditorStore';

/** How attendees of this series choose sessions: not at all, exactly one, or one or more. */
export type SessionChoice = 'none' | 'one' | 'several';

export function sessionChoiceOf(details: SeriesDetails): SessionChoice {
  if (details.event_type !== 'RECURRING') return 'none';
  const option = details.registration?.recurring_registration_option ?? 'all_sessions';
  return option === 'single_session' ? 'one' : option === 'multiple_sessions' ? 'several' : 'none';
}
