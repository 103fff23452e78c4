import { useEffect, useRef, useState } from 'react';
import type { HubSummary } from '../../../shared/zoomConnection';
import { problemAt } from '../../lib/issues';
import { useEditorStore } from '../../stores/useEditorStore';
import { Field } from '../Field';
import type { EditorPartProps } from './editing';

/** The event's own fields: name, description, format, attendance, access and hub. */
export function EventFields({ api, details, issues, edit }: EditorPartProps) {
  const [hubs, setHubs] = useState<HubSummary[]>([]);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!useEditorStore.getState().isNameFocusWanted) return;
    useEditorStore.getState().wantNameFocus(false);
    nameInput.current?.select();
  }, []);
  useEffect(() => {
    let isCurrent = true;
    void api.zoom.status().then(async (status) => {
      if (!status.ok || !status.value.isConnected) return;
      const found = await api.zoom.hubs();
      if (found.ok && isCurrent) setHubs(found.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);

  return (
    <section className="panel form-section" aria-labelledby="event-heading">
      <h2 id="event-heading">Event</h2>
      <Field label="Series name" problem={problemAt(issues, 'name')}>
        <input
          type="text"
          ref={nameInput}
          value={details.name}
          maxLength={200}
          onChange={(event) => edit((current) => ({ ...current, name: event.target.value }))}
        />
      </Field>
      <Field label="Description" problem={problemAt(issues, 'description')}>
        <textarea
          rows={3}
          value={details.description ?? ''}
          onChange={(event) =>
            edit((current) => ({ ...current, description: event.target.value === '' ? undefined : event.target.value }))
          }
        />
      </Field>
      <Field
        label="Series key"
        problem={problemAt(issues, 'key')}
        hint="Optional. A series file with this key updates this series instead of adding another."
      >
        <input
          type="text"
          value={details.key ?? ''}
          maxLength={100}
          onChange={(event) =>
            edit((current) => ({ ...current, key: event.target.value === '' ? undefined : event.target.value }))
          }
        />
      </Field>
      <div className="field-row">
        <Field label="Format" problem={problemAt(issues, 'meeting_type')}>
          <select
            value={details.meeting_type ?? 'WEBINAR'}
            onChange={(event) =>
              edit((current) => ({ ...current, meeting_type: event.target.value as 'MEETING' | 'WEBINAR' }))
            }
          >
            <option value="WEBINAR">Webinar</option>
            <option value="MEETING">Meeting</option>
          </select>
        </Field>
        <Field label="Attendance" problem={problemAt(issues, 'attendance_type')}>
          <select
            value={details.attendance_type}
            onChange={(event) =>
              edit((current) => ({
                ...current,
                attendance_type: event.target.value as 'virtual' | 'in-person' | 'hybrid',
              }))
            }
          >
            <option value="virtual">Virtual</option>
            <option value="in-person">In person</option>
            <option value="hybrid">Hybrid</option>
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field label="Who can register" problem={problemAt(issues, 'access_level')}>
          <select
            value={details.access_level}
            onChange={(event) =>
              edit((current) => ({
                ...current,
                access_level: event.target.value as 'PRIVATE_UNRESTRICTED' | 'PRIVATE_RESTRICTED',
              }))
            }
          >
            <option value="PRIVATE_UNRESTRICTED">Anyone with the link</option>
            <option value="PRIVATE_RESTRICTED">Only people you invite</option>
          </select>
        </Field>
        <Field
          label="Hub"
          problem={problemAt(issues, 'hub_id')}
          hint={hubs.length === 0 ? 'Connect to Zoom in Settings to choose a hub.' : undefined}
        >
          <select
            value={details.hub_id ?? ''}
            onChange={(event) =>
              edit((current) => ({ ...current, hub_id: event.target.value === '' ? undefined : event.target.value }))
            }
          >
            <option value="">First hub you host (chosen when syncing)</option>
            {details.hub_id !== undefined && !hubs.some((hub) => hub.hub_id === details.hub_id) && (
              <option value={details.hub_id}>{details.hub_id}</option>
            )}
            {hubs.map((hub) => (
              <option key={hub.hub_id} value={hub.hub_id}>
                {hub.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </section>
  );
}
