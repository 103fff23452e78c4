import { useEffect, useRef } from 'react';

interface Props {
  waiting: number;
  /** The event whose check-ins wait. */
  leaving: string;
  /** What the staffer asked for, as the button that goes on says it. */
  action: string;
  onAnswer: (isLeaving: boolean) => void;
}

/** Asks before leaving an event whose check-ins wait to upload, and says that they are kept either way. */
export function LeaveWithWaitingDialog({ waiting, leaving, action, onAnswer }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  const answer = (isLeaving: boolean) => {
    dialog.current?.close();
    onAnswer(isLeaving);
  };
  const people = waiting === 1 ? '1 check-in waits' : `${String(waiting)} check-ins wait`;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="leave-waiting-title"
      aria-describedby="leave-waiting-body"
      onCancel={() => onAnswer(false)}
    >
      <h2 id="leave-waiting-title">{people} to upload</h2>
      <p id="leave-waiting-body">
        {people} for {leaving} to be uploaded to Zoom. They stay recorded on this laptop either way, and are uploaded
        the next time Zoom is reachable.
      </p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => answer(true)}>
          {action}
        </button>
        <button type="button" className="button-quiet" onClick={() => answer(false)}>
          Stay
        </button>
      </div>
    </dialog>
  );
}
