import {
  registrationOptionSentences,
  type RegistrationOption,
  type RegistrationDraft,
} from '../../../shared/drafts/registrationDraft';
import type { TicketTypeDraft } from '../../../shared/drafts/ticketTypeDraft';
import { problemAt } from '../../lib/issues';
import { instantOfWallClock, wallClockInputs } from '../../lib/zonedTime';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { Field } from '../Field';
import type { EditorPartProps } from './editing';

const optionTitles: Readonly<Record<RegistrationOption, string>> = {
  all_sessions: 'All sessions',
  single_session: 'One session',
  multiple_sessions: 'Several sessions',
};

const signInChoices = [
  ['bypass_auth', 'No sign-in needed'],
  ['zoom_account', 'Zoom account'],
  ['zoom_account_otp', 'Zoom account or one-time code'],
  ['corporate_idp', 'Company sign-in'],
  ['accelerated_auth', 'Fast sign-in'],
] as const;

const defaultTicket: TicketTypeDraft = { name: 'General admission', free: true, currency: 'USD' };
const defaultRegistration: RegistrationDraft = {
  link_name: 'Registration',
  authentication_method: 'bypass_auth',
  send_notification: true,
};

function withTicket(details: SeriesDetails, fields: Partial<TicketTypeDraft>): SeriesDetails {
  return { ...details, ticket_type: { ...(details.ticket_type ?? defaultTicket), ...fields } };
}

function withRegistration(details: SeriesDetails, fields: Partial<RegistrationDraft>): SeriesDetails {
  return { ...details, registration: { ...(details.registration ?? defaultRegistration), ...fields } };
}

/** The ticket type, the registration link and its option, and publishing. */
export function TicketFields({ details, issues, edit }: EditorPartProps) {
  const ticket = details.ticket_type ?? defaultTicket;
  const registration = details.registration ?? defaultRegistration;
  const option = registration.recurring_registration_option ?? 'all_sessions';
  return (
    <section className="panel form-section" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading">Tickets and registration</h2>
      <div className="field-row">
        <Field label="Ticket name" problem={problemAt(issues, 'ticket_type.name')}>
          <input
            type="text"
            value={ticket.name}
            onChange={(event) => edit((current) => withTicket(current, { name: event.target.value }))}
          />
        </Field>
        <Field
          label="Number of tickets"
          problem={problemAt(issues, 'ticket_type.quantity')}
          hint="Leave empty for no limit."
        >
          <input
            type="number"
            min={1}
            value={ticket.quantity ?? ''}
            onChange={(event) =>
              edit((current) =>
                withTicket(current, { quantity: event.target.value === '' ? undefined : Number(event.target.value) }),
              )
            }
          />
        </Field>
      </div>
      <Field label="Ticket description" problem={problemAt(issues, 'ticket_type.description')}>
        <textarea
          rows={2}
          value={ticket.description ?? ''}
          onChange={(event) =>
            edit((current) =>
              withTicket(current, { description: event.target.value === '' ? undefined : event.target.value }),
            )
          }
        />
      </Field>
      <div className="field-row">
        <Field
          label="Sales open on"
          problem={problemAt(issues, 'ticket_type.start_time')}
          hint="Empty: on sale as soon as the event is published."
        >
          <input
            type="date"
            value={ticket.start_time === undefined ? '' : wallClockInputs(ticket.start_time, details.timezone).date}
            onChange={(event) =>
              edit((current) =>
                withTicket(current, { start_time: instantOfWallClock(event.target.value, '00:00', current.timezone) }),
              )
            }
          />
        </Field>
        <Field
          label="Sales close on"
          problem={problemAt(issues, 'ticket_type.end_time')}
          hint="Empty: when the last session ends."
        >
          <input
            type="date"
            value={ticket.end_time === undefined ? '' : wallClockInputs(ticket.end_time, details.timezone).date}
            onChange={(event) =>
              edit((current) =>
                withTicket(current, {
                  end_time: instantOfWallClock(event.target.value, '23:59', current.timezone)?.replace(/:00Z$/, ':59Z'),
                }),
              )
            }
          />
        </Field>
      </div>
      <div className="field-row">
        <label className="check">
          <input
            type="checkbox"
            checked={ticket.free}
            onChange={(event) =>
              edit((current) =>
                withTicket(current, event.target.checked ? { free: true, price: undefined } : { free: false }),
              )
            }
          />
          Free ticket
        </label>
        {!ticket.free && (
          <>
            <Field label="Price" problem={problemAt(issues, 'ticket_type.price')}>
              <input
                type="text"
                inputMode="decimal"
                value={ticket.price ?? ''}
                onChange={(event) =>
                  edit((current) =>
                    withTicket(current, { price: event.target.value === '' ? undefined : event.target.value }),
                  )
                }
              />
            </Field>
            <Field label="Currency" problem={problemAt(issues, 'ticket_type.currency')}>
              <input
                type="text"
                maxLength={3}
                value={ticket.currency}
                onChange={(event) =>
                  edit((current) => withTicket(current, { currency: event.target.value.toUpperCase() }))
                }
              />
            </Field>
          </>
        )}
      </div>
      <Field label="Registration link name" problem={problemAt(issues, 'registration.link_name')}>
        <input
          type="text"
          value={registration.link_name}
          onChange={(event) => edit((current) => withRegistration(current, { link_name: event.target.value }))}
        />
      </Field>
      {details.event_type === 'RECURRING' && (
        <fieldset className="options">
          <legend>Attendees register for</legend>
          {(Object.keys(optionTitles) as RegistrationOption[]).map((value) => (
            <label key={value} className="option-card">
              <input
                type="radio"
                name="registration-option"
                value={value}
                checked={option === value}
                onChange={() => edit((current) => withRegistration(current, { recurring_registration_option: value }))}
              />
              <span>
                <strong>{optionTitles[value]}</strong>
                <span className="muted">{registrationOptionSentences[value]}</span>
              </span>
            </label>
          ))}
          <p className="field-problem">{problemAt(issues, 'registration.recurring_registration_option') ?? ''}</p>
        </fieldset>
      )}
      <div className="field-row">
        <Field label="Sign-in to register" problem={problemAt(issues, 'registration.authentication_method')}>
          <select
            value={registration.authentication_method}
            onChange={(event) =>
              edit((current) =>
                withRegistration(current, {
                  authentication_method: event.target.value as RegistrationDraft['authentication_method'],
                }),
              )
            }
          >
            {signInChoices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={registration.send_notification}
            onChange={(event) =>
              edit((current) => withRegistration(current, { send_notification: event.target.checked }))
            }
          />
          Email each attendee their ticket
        </label>
      </div>
      <label className="check publish">
        <input
          type="checkbox"
          checked={details.publish}
          onChange={(event) => edit((current) => ({ ...current, publish: event.target.checked }))}
        />
        <span>
          <strong>Publish on Zoom</strong>
          <span className="muted">
            After the next sync, the event is live and its registration link open. Zoom registers attendees only for
            published events.
          </span>
        </span>
      </label>
      <p className="field-problem">{problemAt(issues, 'publish') ?? ''}</p>
    </section>
  );
}
