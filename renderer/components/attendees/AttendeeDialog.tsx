import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { attendeeProfileFields, type AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import type { AttendeeRow } from '../../../shared/drafts/attendeeList';
import type { Issue } from '../../../shared/ipc/envelope';
import { attendeeFieldLabels } from '../../lib/attendeeFields';
import { problemAt, problemWithin } from '../../lib/issues';
import { previewParts } from '../../lib/previewParts';
import { previewSessions } from '../../lib/schedulePreview';
import { sessionChoiceOf } from '../../lib/sessionsChoice';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { Field } from '../Field';
import { SessionChoiceFields } from './SessionChoiceFields';

type ProfileField = (typeof attendeeProfileFields)[number];

const firstProfileFields: readonly ProfileField[] = ['organization', 'job_title'];

/** The form's text fields from an attendee (or empty for a new one). */
function formValues(row: AttendeeRow | undefined): Record<string, string> {
  const values: Record<string, string> = {
    email: row?.email ?? '',
    first_name: row?.first_name ?? '',
    last_name: row?.last_name ?? '',
  };
  for (const field of attendeeProfileFields) values[field] = row?.[field] ?? '';
  return values;
}

/** Adds a person or changes one: a modal form, with main's verdict shown at each field. */
export function AttendeeDialog({
  details,
  row,
  onClose,
}: {
  details: SeriesDetails;
  row: AttendeeRow | undefined;
  onClose: () => void;
}) {
  const api = useAppStore((state) => state.api);
  const save = useAttendeeStore((state) => state.save);
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const sessionProblemId = useId();
  const [values, setValues] = useState(() => formValues(row));
  const [occurrences, setOccurrences] = useState<number[]>(row?.occurrences ?? []);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const choice = sessionChoiceOf(details);
  const sessionProblem =
    problemAt(issues, 'attendee.occurrences') !== undefined
      ? choice === 'one'
        ? 'Choose the session this person attends.'
        : 'Choose at least one session.'
      : problemWithin(issues, 'attendee.occurrences');
  const planned = previewSessions(details);
  const parts = previewParts(details, planned);
  const sessions = planned.filter((session) => session.status !== 'cancelled');

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  // After a refused save the focus goes to the first field with a problem, which may sit below
  // the session list or inside "More details", rather than staying on the button.
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first === null || first === undefined) return;
    const folded = first.closest('details');
    if (folded !== null) folded.open = true;
    first.focus();
  }, [issues]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    const attendee: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) if (value.trim() !== '') attendee[field] = value.trim();
    if (choice !== 'none') attendee.occurrences = occurrences;
    const result = await save(api, row?.id, attendee as AttendeeDraft);
    if (result.ok) {
      dialog.current?.close();
      onClose();
    } else {
      setIssues(result.error.issues);
      setMessage(result.error.message);
    }
  };
  const text = (field: string, label: string, type = 'text') => (
    <Field key={field} label={label} problem={problemAt(issues, `attendee.${field}`)}>
      <input
        type={type}
        value={values[field] ?? ''}
        autoComplete="off"
        onChange={(event) => setValues({ ...values, [field]: event.target.value })}
      />
    </Field>
  );

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="attendee-dialog-title" onClose={onClose}>
      <form ref={form} onSubmit={(event) => void submit(event)}>
        <h2 id="attendee-dialog-title">{row === undefined ? 'Add attendee' : `Edit ${row.email}`}</h2>
        {message !== undefined && (
          <p className="banner danger" role="alert">
            {message}
          </p>
        )}
        {text('email', attendeeFieldLabels.email, 'email')}
        <div className="field-row">
          {text('first_name', attendeeFieldLabels.first_name)}
          {text('last_name', attendeeFieldLabels.last_name)}
        </div>
        <div className="field-row">{firstProfileFields.map((field) => text(field, attendeeFieldLabels[field]))}</div>
        {choice !== 'none' && (
          <SessionChoiceFields
            parts={parts}
            choice={choice}
            sessions={sessions}
            timezone={details.timezone}
            chosen={occurrences}
            onChange={setOccurrences}
            problem={sessionProblem}
            problemId={sessionProblemId}
          />
        )}
        <details className="advanced">
          <summary>More details</summary>
          {attendeeProfileFields
            .filter((field) => !firstProfileFields.includes(field))
            .map((field) => text(field, attendeeFieldLabels[field]))}
        </details>
        <div className="actions">
          <button type="submit" className="button-primary">
            {row === undefined ? 'Add attendee' : 'Save attendee'}
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              dialog.current?.close();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
