import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore, useCurrentEvent } from '../../stores/useCheckInStore';
import { useKioskStore } from '../../stores/useKioskStore';
import { PersonSearch } from './PersonSearch';
import { ResultPanel } from './ResultPanel';

/** How long a result stays before the kiosk is ready for the next person. */
export const kioskResetMs = 4_000;

/**
 * Self check-in: only the box and the result, which clears itself a few seconds later. No
 * settings, export, other events or navigation; leaving takes the PIN set on this laptop.
 */
export function KioskScreen() {
  const scope = useKioskStore((state) => state.kiosk?.scope ?? null);
  const result = useCheckInStore((state) => state.result);
  const clearResult = useCheckInStore((state) => state.clearResult);
  const event = useCurrentEvent();
  const [isLeaving, setIsLeaving] = useState(false);

  useEffect(() => {
    if (scope !== null) useCheckInStore.getState().enterKiosk(scope);
  }, [scope]);

  useEffect(() => {
    if (result === undefined) return;
    const timer = window.setTimeout(clearResult, kioskResetMs);
    return () => window.clearTimeout(timer);
  }, [result, clearResult]);

  return (
    <main className="kiosk">
      <h1>{event === undefined ? 'Self check-in' : `Welcome to ${event.name}`}</h1>
      <PersonSearch isKiosk />
      <section className="kiosk-result" aria-label="Result" aria-live="polite">
        {result !== undefined && <ResultPanel result={result} />}
      </section>
      <div className="kiosk-leave">
        {isLeaving ? (
          <PinForm onCancel={() => setIsLeaving(false)} />
        ) : (
          <button type="button" className="button-quiet" onClick={() => setIsLeaving(true)}>
            Staff: leave self check-in
          </button>
        )}
      </div>
    </main>
  );
}

function PinForm({ onCancel }: { onCancel: () => void }) {
  const api = useAppStore((state) => state.api);
  const unlock = useKioskStore((state) => state.unlock);
  const isUnlocking = useKioskStore((state) => state.isUnlocking);
  const problem = useKioskStore((state) => state.unlockProblem);
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    void unlock(api, pin).then(() => setPin(''));
  };
  return (
    <form className="pin-form" aria-labelledby="pin-heading" onSubmit={submit}>
      <h2 id="pin-heading">Leave self check-in</h2>
      <div className="field">
        <label htmlFor="kiosk-pin">Kiosk PIN</label>
        <input
          ref={input}
          id="kiosk-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : 'kiosk-pin-problem'}
          onChange={(change) => setPin(change.target.value)}
        />
        {problem !== undefined && (
          <p className="field-problem" id="kiosk-pin-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={isUnlocking}>
          {isUnlocking ? 'Checking…' : 'Leave'}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Back to check-in
        </button>
      </div>
    </form>
  );
}
