import { useEffect, useState, type SyntheticEvent } from 'react';
import type { CheckInSettings } from '../../../shared/checkin/checkIn';
import type { IpcError } from '../../../shared/ipc/envelope';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { ErrorBanner } from '../ErrorBanner';
import { Field } from '../Field';

const layouts: Readonly<Record<CheckInSettings['badgeLayout'], string>> = {
  none: 'No badges',
  name: 'Name',
  name_organisation: 'Name and organisation',
  name_organisation_ticket: 'Name, organisation and ticket type',
};

const sizes: Readonly<Record<CheckInSettings['badgeSize'], string>> = {
  '4x3in': '4 × 3 in',
  '4x6in': '4 × 6 in',
  A6: 'A6 (105 × 148 mm)',
  '86x54mm': 'Card (86 × 54 mm)',
};

/** This laptop's check-in settings: desk name, privacy, badges, uploading and the kiosk PIN. */
export function CheckInSettingsPanel() {
  const api = useAppStore((state) => state.api);
  const settings = useCheckInStore((state) => state.settings);
  const error = useCheckInStore((state) => state.error);
  const changeSettings = useCheckInStore((state) => state.changeSettings);
  useEffect(() => {
    if (api !== undefined && settings === undefined) void useCheckInStore.getState().load(api);
  }, [api, settings]);

  const change = (changes: Parameters<typeof changeSettings>[1]) => api && void changeSettings(api, changes);
  const deskProblem = error?.issues.find((issue) => issue.path === 'desk')?.message;
  return (
    <section className="panel" aria-labelledby="checkin-settings-heading">
      <h2 id="checkin-settings-heading">Check-in</h2>
      {settings === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="stack">
          <ErrorBanner error={deskProblem === undefined ? error : undefined} />
          <DeskNameField
            key={settings.desk}
            saved={settings.desk}
            problem={deskProblem}
            onSave={(desk) => change({ desk })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={settings.listOnlyWhenSearching}
              onChange={(event) => change({ listOnlyWhenSearching: event.target.checked })}
            />
            <span>
              <strong>List people only when searching</strong>
              <span className="muted">At an open desk, no one reads the names of the others.</span>
            </span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.uploadAutomatically}
              onChange={(event) => change({ uploadAutomatically: event.target.checked })}
            />
            <span>
              <strong>Upload check-ins by themselves</strong>
              <span className="muted">Every few seconds while Zoom is reachable.</span>
            </span>
          </label>
          <div className="field-row">
            <Field label="Badge layout">
              <select
                value={settings.badgeLayout}
                onChange={(event) => change({ badgeLayout: event.target.value as CheckInSettings['badgeLayout'] })}
              >
                {Object.entries(layouts).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Badge size">
              <select
                value={settings.badgeSize}
                onChange={(event) => change({ badgeSize: event.target.value as CheckInSettings['badgeSize'] })}
              >
                {Object.entries(sizes).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <KioskPinForm isSet={settings.kioskPinSet} />
        </div>
      )}
    </section>
  );
}

interface DeskNameProps {
  saved: string;
  problem: string | undefined;
  onSave: (desk: string) => void;
}

/** The desk's name, saved when the field is left. */
function DeskNameField({ saved, problem, onSave }: DeskNameProps) {
  const [desk, setDesk] = useState(saved);
  return (
    <Field
      label="Desk name"
      problem={problem}
      hint="Sent to Zoom with each check-in, so every desk sees where someone came in."
    >
      <input
        value={desk}
        maxLength={40}
        onChange={(event) => setDesk(event.target.value)}
        onBlur={() => desk !== saved && onSave(desk)}
      />
    </Field>
  );
}

function KioskPinForm({ isSet }: { isSet: boolean }) {
  const api = useAppStore((state) => state.api);
  const setKioskPin = useCheckInStore((state) => state.setKioskPin);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<IpcError | undefined>();
  const [isSaved, setIsSaved] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    void setKioskPin(api, pin).then((refusal) => {
      setProblem(refusal);
      setIsSaved(refusal === undefined);
      if (refusal === undefined) setPin('');
    });
  };
  return (
    <form className="kiosk-pin" aria-labelledby="kiosk-pin-heading" onSubmit={submit}>
      <h3 id="kiosk-pin-heading">Self check-in PIN</h3>
      <p className="muted">
        {isSet
          ? 'A PIN is set on this laptop. Staff need it to leave self check-in.'
          : 'Set a PIN to offer self check-in: staff need it to leave the kiosk.'}
      </p>
      <Field
        label={isSet ? 'New kiosk PIN' : 'Kiosk PIN'}
        problem={problem?.issues[0]?.message ?? problem?.message}
        hint="4 to 12 digits."
      >
        <input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(event) => {
            setPin(event.target.value);
            setIsSaved(false);
          }}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="button-quiet">
          Set PIN
        </button>
        {isSaved && (
          <span className="muted" role="status">
            PIN set.
          </span>
        )}
      </div>
    </form>
  );
}
