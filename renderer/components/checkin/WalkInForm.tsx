import { useState, type SyntheticEvent } from 'react';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { Field } from '../Field';

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text);

/** A person not on the downloaded list (a late registration), recorded as a walk-in; Zoom decides at upload. */
export function WalkInForm({ typed, onDone }: { typed: string; onDone: () => void }) {
  const api = useAppStore((state) => state.api);
  const record = useCheckInStore((state) => state.record);
  const error = useCheckInStore((state) => state.error);
  const [email, setEmail] = useState(looksLikeEmail(typed) ? typed : '');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const problem = (path: string) => error?.issues.find((issue) => issue.path.endsWith(path))?.message;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    void record(api, { kind: 'walk_in', email: email.trim(), firstName, lastName, organisation }).then(onDone);
  };
  return (
    <form className="walk-in" aria-labelledby="walk-in-heading" onSubmit={submit}>
      <h3 id="walk-in-heading">Record as walk-in</h3>
      <p className="muted">Recorded now and marked as a walk-in; Zoom decides when the check-ins are uploaded.</p>
      <div className="field-row">
        <Field label="Email" problem={problem('email')}>
          <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </Field>
        <Field label="First name" problem={problem('firstName')}>
          <input value={firstName} onChange={(event) => setFirstName(event.target.value)} />
        </Field>
        <Field label="Last name" problem={problem('lastName')}>
          <input value={lastName} onChange={(event) => setLastName(event.target.value)} />
        </Field>
        <Field label="Organisation" problem={problem('organisation')}>
          <input value={organisation} onChange={(event) => setOrganisation(event.target.value)} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary">
          Record walk-in
        </button>
      </div>
    </form>
  );
}
