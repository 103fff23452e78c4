import type { MeetingSettings } from '../../../shared/meetings/meetingDraft';
import { problemAt } from '../../lib/issues';
import { Field } from '../Field';
import { withSettings, type MeetingPartProps } from './meetingEditing';

type SwitchSetting =
  | 'host_video'
  | 'participant_video'
  | 'join_before_host'
  | 'mute_upon_entry'
  | 'waiting_room'
  | 'watermark'
  | 'meeting_authentication';

const switches: readonly { setting: SwitchSetting; label: string }[] = [
  { setting: 'host_video', label: "Host's video on when the meeting starts" },
  { setting: 'participant_video', label: "Participants' video on when they join" },
  { setting: 'join_before_host', label: 'Participants may join before the host' },
  { setting: 'mute_upon_entry', label: 'Mute participants when they join' },
  { setting: 'waiting_room', label: 'Waiting room' },
  { setting: 'watermark', label: 'Watermark on shared screens' },
  { setting: 'meeting_authentication', label: 'Only people signed in to Zoom may join' },
];

const approvalChoices: readonly { value: MeetingSettings['approval_type']; label: string }[] = [
  { value: 2, label: 'Off: anyone with the link joins' },
  { value: 0, label: 'On, approved automatically' },
  { value: 1, label: 'On, the host approves each registrant' },
];

const registrationChoices: readonly { value: MeetingSettings['registration_type']; label: string }[] = [
  { value: 1, label: 'Once, for every occurrence' },
  { value: 2, label: 'For each occurrence separately' },
  { value: 3, label: 'For the occurrences they choose' },
];

/** Who registers and how, and the meeting's settings (the recurring-meetings script's defaults). */
export function MeetingSettingsFields({ draft, issues, edit }: MeetingPartProps) {
  const { settings } = draft;
  const isRegistrationOff = settings.approval_type === 2;
  return (
    <section className="panel form-section" aria-labelledby="meeting-settings-heading">
      <h2 id="meeting-settings-heading">Registration and settings</h2>
      <div className="field-row">
        <Field label="Registration" problem={problemAt(issues, 'settings.approval_type')}>
          <select
            value={settings.approval_type}
            onChange={(event) =>
              edit((current) =>
                withSettings(current, {
                  approval_type: Number(event.target.value) as MeetingSettings['approval_type'],
                }),
              )
            }
          >
            {approvalChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Registrants register" problem={problemAt(issues, 'settings.registration_type')}>
          <select
            value={settings.registration_type}
            disabled={isRegistrationOff}
            onChange={(event) =>
              edit((current) =>
                withSettings(current, {
                  registration_type: Number(event.target.value) as MeetingSettings['registration_type'],
                }),
              )
            }
          >
            {registrationChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="meeting-switches">
        <legend>In the meeting</legend>
        {switches.map(({ setting, label }) => (
          <label key={setting} className="check">
            <input
              type="checkbox"
              checked={settings[setting]}
              onChange={(event) => edit((current) => withSettings(current, { [setting]: event.target.checked }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <Field label="Record automatically" problem={problemAt(issues, 'settings.auto_recording')}>
          <select
            value={settings.auto_recording}
            onChange={(event) =>
              edit((current) =>
                withSettings(current, { auto_recording: event.target.value as MeetingSettings['auto_recording'] }),
              )
            }
          >
            <option value="none">No</option>
            <option value="local">On the host's computer</option>
            <option value="cloud">In Zoom's cloud</option>
          </select>
        </Field>
        <Field label="Audio" problem={problemAt(issues, 'settings.audio')}>
          <select
            value={settings.audio}
            onChange={(event) =>
              edit((current) => withSettings(current, { audio: event.target.value as MeetingSettings['audio'] }))
            }
          >
            <option value="both">Telephone and computer audio</option>
            <option value="telephony">Telephone only</option>
            <option value="voip">Computer audio only</option>
          </select>
        </Field>
      </div>
    </section>
  );
}
