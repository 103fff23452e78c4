import type { ReactNode } from 'react';
import type { CheckInOutcome, CheckInResult } from '../../../shared/checkin/checkIn';
import type { IconName } from '../Icon';
import { Icon } from '../Icon';

interface Presentation {
  tone: 'success' | 'warning' | 'danger';
  icon: IconName;
  title: string;
  /** Whether main's sentence says more than the title and the person (when, where, why). */
  showsMessage: boolean;
}

/** Colour, a word and an icon for each outcome: never colour alone. */
const presentations: Readonly<Record<CheckInOutcome, Presentation>> = {
  checked_in: { tone: 'success', icon: 'admitted', title: 'Checked in', showsMessage: false },
  already_checked_in: { tone: 'warning', icon: 'caution', title: 'Already checked in', showsMessage: true },
  walk_in: { tone: 'warning', icon: 'caution', title: 'Walk-in recorded', showsMessage: true },
  not_registered: { tone: 'danger', icon: 'refused', title: 'Not registered', showsMessage: true },
  no_ticket_for_session: { tone: 'danger', icon: 'refused', title: 'No ticket for this session', showsMessage: true },
};

interface Props {
  result: CheckInResult;
  /** The staffer's actions on this result (undo, badge, walk-in); none in the kiosk. */
  children?: ReactNode;
}

/** The large, clear answer after a scan or a click: what happened, to whom, in colour, words and an icon. */
export function ResultPanel({ result, children }: Props) {
  const { tone, icon, title, showsMessage } = presentations[result.outcome];
  const person = result.person;
  const name = person === null ? '' : `${person.firstName} ${person.lastName}`.trim() || person.email;
  return (
    <div className={`checkin-result tone-${tone}`} data-outcome={result.outcome}>
      <div className="checkin-result-icon">
        <Icon name={icon} />
      </div>
      <div className="checkin-result-body">
        <h2>{title}</h2>
        {name !== '' && <p className="checkin-result-name">{name}</p>}
        {person !== null && (
          <p className="muted">
            {[person.organisation, person.ticketType, person.email].filter((part) => part !== '').join(' · ')}
          </p>
        )}
        {showsMessage && <p>{result.message}</p>}
        {children !== undefined && <div className="actions">{children}</div>}
      </div>
    </div>
  );
}
