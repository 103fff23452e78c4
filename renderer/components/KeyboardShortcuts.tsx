import { useEffect, useRef, useState } from 'react';
import { newMeetingId, useAppStore } from '../stores/useAppStore';
import { useSeriesStore } from '../stores/useSeriesStore';
import { useSyncStore } from '../stores/useSyncStore';

export const shortcuts: readonly { keys: string; what: string }[] = [
  { keys: 'N', what: 'New series (on Meetings, a new meeting)' },
  { keys: '/', what: 'Search (series, meetings, or attendees in a series)' },
  { keys: 'S', what: 'Sync now' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Esc', what: 'Close a dialog' },
];

/** Whether a key press belongs to something the planner is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts, as in the mail and issue trackers planners know: they act only when no
 * field has the focus and no dialog is open, so typing is never taken over.
 */
export function KeyboardShortcuts() {
  const [isOpen, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const { api, navigate, route } = useAppStore.getState();
      if (api === undefined) return;
      const key = event.key;
      if ((key === 'n' || key === 'N') && route.screen === 'meetings') {
        event.preventDefault();
        navigate({ screen: 'meetings', meetingId: newMeetingId });
      } else if (key === 'n' || key === 'N') {
        event.preventDefault();
        void useSeriesStore
          .getState()
          .create(api)
          .then((id) => {
            if (id !== undefined) navigate({ screen: 'series', seriesId: id, tab: 'details' });
          });
      } else if (key === '/') {
        event.preventDefault();
        if (route.screen === 'meetings') navigate('meetings');
        else if (route.screen !== 'series') navigate('series');
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('[data-shortcut-target="search"]')?.focus(),
        );
      } else if (key === 's' || key === 'S') {
        event.preventDefault();
        navigate('sync');
        void useSyncStore.getState().run(api);
      } else if (key === '?') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (isOpen && dialog.current !== null && !dialog.current.open) dialog.current.showModal();
  }, [isOpen]);

  return (
    <>
      <button
        type="button"
        className="button-link sidebar-shortcuts"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="?"
      >
        Keyboard shortcuts
      </button>
      {isOpen && (
        <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <dl className="shortcut-list">
            {shortcuts.map((shortcut) => (
              <div key={shortcut.keys}>
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.what}</dd>
              </div>
            ))}
          </dl>
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
