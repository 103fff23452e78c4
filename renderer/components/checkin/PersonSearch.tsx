import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { CheckInPerson } from '../../../shared/checkin/checkIn';
import { clockTime } from '../../lib/checkInTimes';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { CameraScan } from './CameraScan';

function fullName(person: CheckInPerson): string {
  return `${person.firstName} ${person.lastName}`.trim() || person.email;
}

/** Where a person stands for the scope searched, in words. */
function standing(person: CheckInPerson): string {
  const checkIn = person.checkIn;
  if (checkIn === null) return person.admitted ? 'Not checked in' : 'No ticket for this session';
  const when = checkIn.recordedAt === null ? '' : ` at ${clockTime(checkIn.recordedAt)}`;
  const where = checkIn.desk === null ? '' : ` at ${checkIn.desk}`;
  const waiting = checkIn.state === 'waiting' ? ' · waiting to upload' : '';
  return `Checked in${when}${where}${waiting}`;
}

/**
 * One box for names, emails, ticket IDs and scanners. A USB scanner types a ticket ID or a QR
 * code's text and Enter: Enter in the box records what was typed as a scan and clears the box. The
 * arrow keys move into the list, where Enter on a person's button checks them in.
 */
export function PersonSearch({ isKiosk = false }: { isKiosk?: boolean }) {
  const api = useAppStore((state) => state.api);
  const query = useCheckInStore((state) => state.query);
  const matches = useCheckInStore((state) => state.matches);
  const settings = useCheckInStore((state) => state.settings);
  const result = useCheckInStore((state) => state.result);
  const search = useCheckInStore((state) => state.search);
  const setQuery = useCheckInStore((state) => state.setQuery);
  const record = useCheckInStore((state) => state.record);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // After each result the box takes the focus back, ready for the next person.
  useEffect(() => box.current?.focus(), [result]);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-check-in]') ?? [])];
  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (api === undefined) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const text = event.currentTarget.value.trim();
      if (text !== '') void record(api, { kind: 'scan', text });
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = buttons();
    const at = all.findIndex((button) => button === document.activeElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) box.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  const label = isKiosk ? 'Scan your ticket, or type your email' : 'Find a person or scan a ticket';
  const hint = isKiosk
    ? 'Then press Enter.'
    : 'Name, email or ticket ID. A scanner checks in at once; ↓ moves to the list, Enter checks in.';
  const isPrivate = settings?.listOnlyWhenSearching === true && query.trim() === '';
  const people = matches?.people ?? [];
  return (
    <div className="person-search">
      <div className="field search-field">
        <label htmlFor="checkin-search">{label}</label>
        <div className="search-row">
          <input
            ref={box}
            id="checkin-search"
            type="search"
            className="checkin-box"
            value={query}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            aria-describedby="checkin-search-hint"
            onChange={(event) => {
              if (isKiosk) setQuery(event.target.value);
              else if (api !== undefined) void search(api, event.target.value);
            }}
            onKeyDown={onBoxKey}
          />
          <CameraScan />
        </div>
        <p className="field-hint" id="checkin-search-hint">
          {hint}
        </p>
      </div>
      {!isKiosk && (
        <>
          {isPrivate ? (
            <p className="muted">The list stays empty until you search, so no one at the desk reads other names.</p>
          ) : (
            <p className="muted" role="status">
              {matches === undefined
                ? ''
                : matches.total === people.length
                  ? `${String(matches.total)} ${matches.total === 1 ? 'person' : 'people'}`
                  : `${String(people.length)} of ${String(matches.total)} people; type more to narrow`}
            </p>
          )}
          {!isPrivate && people.length > 0 && (
            <ul className="people" aria-label="People" ref={list} onKeyDown={onListKey}>
              {people.map((person) => (
                <PersonRow key={person.email} person={person} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** One person of the list; drawn again only when their own line changes, so typing and results stay quick. */
const PersonRow = memo(function PersonRow({ person }: { person: CheckInPerson }) {
  const api = useAppStore((state) => state.api);
  const record = useCheckInStore((state) => state.record);
  const undo = useCheckInStore((state) => state.undo);
  const name = fullName(person);
  const checkIn = person.checkIn;
  return (
    <li className="person">
      <div className="person-who">
        <strong>{name}</strong>
        <span className="row-sub">
          {person.email}
          {person.organisation === '' ? '' : ` · ${person.organisation}`} · {person.ticketType}
        </span>
        <span className="row-sub">{standing(person)}</span>
      </div>
      <div className="row-actions">
        {checkIn?.state === 'waiting' && checkIn.origin === 'here' && (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Undo the check-in of ${name}`}
            onClick={() => api && void undo(api, checkIn.id)}
          >
            Undo
          </button>
        )}
        <button
          type="button"
          className="button-primary small"
          data-check-in
          aria-label={`Check in ${name}`}
          onClick={() => api && void record(api, { kind: 'person', email: person.email })}
        >
          Check in
        </button>
      </div>
    </li>
  );
});
