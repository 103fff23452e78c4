import { useEffect } from 'react';
import type { ConflictSummary } from '../../../shared/sync/conflicts';
import { plural } from '../../lib/words';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';
import { useSyncStore } from '../../stores/useSyncStore';

/** Zoom's words in a refusal it answered, when it gave any. */
function zoomWords(conflict: ConflictSummary): string | undefined {
  const { remote } = conflict;
  if (typeof remote !== 'object' || remote === null || !('message' in remote)) return undefined;
  return typeof remote.message === 'string' && remote.message !== '' ? remote.message : undefined;
}

/**
 * The people of this series Zoom refused to register, with Zoom's words and the planner's two
 * choices: try again, or (for a change of sessions) go back to the sessions they had, (for a new
 * person) remove them. The same conflicts the Sync screen settles.
 */
export function RefusedRegistrations({ seriesId }: { seriesId: string }) {
  const api = useAppStore((state) => state.api);
  const conflicts = useSyncStore((state) => state.conflicts);
  const settling = useSyncStore((state) => state.settling);
  const refused = conflicts.filter(
    (conflict) =>
      conflict.series_id === seriesId && conflict.kind === 'ticket_refused' && conflict.target.item === 'registration',
  );
  useEffect(() => {
    if (api !== undefined) void useSyncStore.getState().load(api);
  }, [api, seriesId]);
  if (refused.length === 0 || api === undefined) return null;
  const settle = async (conflict: ConflictSummary, keep: 'local' | 'remote') => {
    await useSyncStore.getState().resolve(api, conflict.id, keep);
    await useAttendeeStore.getState().load(api, seriesId);
  };
  return (
    <section className="banner danger refused-registrations" aria-label="Registrations Zoom refused">
      <p>Zoom refused to register {plural(refused.length, 'person', 'people')}:</p>
      <ul>
        {refused.map((conflict) => {
          const email = conflict.target.item === 'registration' ? conflict.target.email : conflict.subject;
          const isSessionChange = conflict.target.operation === 'ticket.update';
          const words = zoomWords(conflict);
          return (
            <li key={conflict.id}>
              <strong>{email}</strong>
              {isSessionChange ? ' (new sessions; their old ticket is cancelled)' : ''}
              {words === undefined ? '' : `: “${words}”`}{' '}
              <button
                type="button"
                className="button-quiet small"
                disabled={settling === conflict.id}
                aria-label={`Try again to register ${email}`}
                onClick={() => void settle(conflict, 'local')}
              >
                Try again
              </button>
              <button
                type="button"
                className="button-quiet small"
                disabled={settling === conflict.id}
                aria-label={isSessionChange ? `Keep the old sessions of ${email}` : `Remove ${email}`}
                onClick={() => void settle(conflict, 'remote')}
              >
                {isSessionChange ? 'Keep their old sessions' : 'Remove them'}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
