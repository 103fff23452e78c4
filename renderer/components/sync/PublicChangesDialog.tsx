import { useEffect, useRef } from 'react';
import type { PublicEffect } from '../../../shared/outbox/operations';
import type { PendingChange } from '../../../shared/sync/syncRun';

const effectWords: Readonly<Record<PublicEffect, string>> = {
  new_event: 'a new event on Zoom',
  publishing: 'open to registration by the public',
  cancellation: 'registrants are emailed',
};

interface Props {
  changes: readonly PendingChange[];
  /** The planner's answer: make these public too, or send only the rest. */
  onAnswer: (makePublic: boolean) => void;
  onDismiss: () => void;
}

/** Asks once, before a sync, about everything it would make visible to the public on Zoom. */
export function PublicChangesDialog({ changes, onAnswer, onDismiss }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  const answer = (makePublic: boolean) => {
    dialog.current?.close();
    onAnswer(makePublic);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="public-changes-title"
      aria-describedby="public-changes-intro"
      onCancel={onDismiss}
    >
      <h2 id="public-changes-title">Make these public on Zoom?</h2>
      <p id="public-changes-intro">This sync would make these visible to the public:</p>
      <ul aria-label="Public changes">
        {changes.map((change) => (
          <li key={`${change.meeting_id ?? change.series_id}:${change.sentence}`}>
            {change.sentence}
            {change.public_effect === null ? null : (
              <span className="muted"> — {effectWords[change.public_effect]}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => answer(true)}>
          Sync and make public
        </button>
        <button type="button" className="button-quiet" onClick={() => answer(false)}>
          Sync the rest only
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            dialog.current?.close();
            onDismiss();
          }}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
