import { useState } from 'react';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { BadgePrint, type BadgePerson } from './BadgePrint';
import { ResultPanel } from './ResultPanel';
import { WalkInForm } from './WalkInForm';

/** The last result at the staffed desk, with what can follow it: undo, a badge, or a walk-in. */
export function DeskResult() {
  const api = useAppStore((state) => state.api);
  const result = useCheckInStore((state) => state.result);
  const resultFor = useCheckInStore((state) => state.resultFor);
  const undone = useCheckInStore((state) => state.undone);
  const settings = useCheckInStore((state) => state.settings);
  const undo = useCheckInStore((state) => state.undo);
  const [walkInFor, setWalkInFor] = useState<string | undefined>();
  const [printing, setPrinting] = useState({ checkInId: '', count: 0 });
  const typed = resultFor === undefined ? '' : resultFor.kind === 'scan' ? resultFor.text : resultFor.email;

  const checkIn = result?.checkIn ?? null;
  const isNew = result?.outcome === 'checked_in' || result?.outcome === 'walk_in';
  const canUndo = isNew && checkIn !== null && checkIn.origin === 'here' && checkIn.state === 'waiting';
  const badgePerson: BadgePerson | undefined =
    result?.person ?? (resultFor?.kind === 'walk_in' ? { ...resultFor, ticketType: 'Walk-in' } : undefined);
  const printRequest = checkIn !== null && printing.checkInId === checkIn.id ? printing.count : 0;
  const canPrint = isNew && badgePerson !== undefined && settings !== undefined && settings.badgeLayout !== 'none';

  return (
    <section className="desk-result" aria-label="Result" aria-live="polite">
      {undone !== undefined && result === undefined && (
        <p className="banner success">Check-in taken back; nothing of it will be uploaded.</p>
      )}
      {result !== undefined && (
        <ResultPanel result={result}>
          {canUndo && (
            <button type="button" className="button-quiet" onClick={() => api && void undo(api, checkIn.id)}>
              Undo check-in
            </button>
          )}
          {canPrint && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => setPrinting({ checkInId: checkIn?.id ?? '', count: printRequest + 1 })}
            >
              Print badge
            </button>
          )}
          {result.outcome === 'not_registered' && walkInFor !== typed && (
            <button type="button" className="button-primary" onClick={() => setWalkInFor(typed)}>
              Record as walk-in
            </button>
          )}
        </ResultPanel>
      )}
      {result?.outcome === 'not_registered' && walkInFor === typed && (
        <WalkInForm typed={typed} onDone={() => setWalkInFor(undefined)} />
      )}
      {canPrint && (
        <BadgePrint
          person={badgePerson}
          layout={settings.badgeLayout}
          size={settings.badgeSize}
          printRequest={printRequest}
        />
      )}
    </section>
  );
}
