import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { CheckInPerson, CheckInSettings } from '../../../shared/checkin/checkIn';

/** Whom a badge is printed for: a person on the list, or a walk-in as typed at the desk. */
export type BadgePerson = Pick<CheckInPerson, 'firstName' | 'lastName' | 'email' | 'organisation' | 'ticketType'>;

interface Props {
  person: BadgePerson;
  layout: CheckInSettings['badgeLayout'];
  size: CheckInSettings['badgeSize'];
  /** Changes with each press of "Print badge", so each press opens the print dialog once. */
  printRequest: number;
}

/**
 * A badge that exists only on paper: hidden on screen, alone on the page when printing, on a page
 * of the badge's size (`@page` rules named after each size in styles.css), through the system's
 * print dialog, where the staffer picks the badge printer or "Save as PDF".
 */
export function BadgePrint({ person, layout, size, printRequest }: Props) {
  useEffect(() => {
    if (printRequest > 0) window.print();
  }, [printRequest]);
  if (layout === 'none') return null;
  const name = `${person.firstName} ${person.lastName}`.trim() || person.email;
  return createPortal(
    <div className="print-badge" data-size={size} data-testid="badge">
      <p className="print-badge-name">{name}</p>
      {layout !== 'name' && person.organisation !== '' && (
        <p className="print-badge-organisation">{person.organisation}</p>
      )}
      {layout === 'name_organisation_ticket' && person.ticketType !== '' && (
        <p className="print-badge-ticket">{person.ticketType}</p>
      )}
    </div>,
    document.body,
  );
}
