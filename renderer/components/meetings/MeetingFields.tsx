import { useEffect, useRef } from 'react';
import { problemAt } from '../../lib/issues';
import { Field } from '../Field';
import { optionalValue, type MeetingPartProps } from './meetingEditing';

/** Who hosts the meeting and what it is: host, topic, agenda and passcode. */
export function MeetingFields({ draft, issues, edit, isNew }: MeetingPartProps & { isNew: boolean }) {
  const hostInput = useRef<HTMLInputElement>(null);
  // A new meeting starts where it is still incomplete: its host.
  useEffect(() => {
    if (isNew) hostInput.current?.focus();
  }, [isNew]);
  return (
    <section className="panel form-section" aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">Meeting</h2>
      <Field
        label="Host email"
        problem={problemAt(issues, 'host_email')}
        hint="A user of your Zoom account; the meeting is created in their name."
      >
        <input
          type="email"
          ref={hostInput}
          autoComplete="off"
          value={draft.host_email}
          maxLength={128}
          onChange={(event) => edit((current) => ({ ...current, host_email: event.target.value }))}
        />
      </Field>
      <Field label="Topic" problem={problemAt(issues, 'topic')}>
        <input
          type="text"
          value={draft.topic}
          maxLength={200}
          onChange={(event) => edit((current) => ({ ...current, topic: event.target.value }))}
        />
      </Field>
      <Field label="Agenda" problem={problemAt(issues, 'agenda')}>
        <textarea
          rows={3}
          value={draft.agenda ?? ''}
          onChange={(event) => edit((current) => ({ ...current, agenda: optionalValue(event.target.value) }))}
        />
      </Field>
      <Field
        label="Passcode"
        problem={problemAt(issues, 'password')}
        hint="Optional. Up to 10 letters, digits or @ - _ *; left empty, the account's settings decide."
      >
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft.password ?? ''}
          maxLength={10}
          onChange={(event) => edit((current) => ({ ...current, password: optionalValue(event.target.value) }))}
        />
      </Field>
    </section>
  );
}
