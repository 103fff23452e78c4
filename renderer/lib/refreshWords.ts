import type { RefreshReport } from '../../shared/zoom/zoomCatalog';
import { plural } from './words';

/** What a refresh from Zoom took into the series, in one sentence a planner reads. */
export function refreshWords(report: RefreshReport): string {
  if (report.is_gone) {
    return 'The event is gone from Zoom (deleted or cancelled there): the Sync screen has a conflict to settle.';
  }
  const parts = [
    ...(report.changes === 0 ? [] : [`${plural(report.changes, 'change')} taken into the series`]),
    ...(report.new_registrations === 0
      ? []
      : [`${plural(report.new_registrations, 'new registration')} from Zoom, now attendees`]),
    ...(report.removed_registrations === 0
      ? []
      : [`${plural(report.removed_registrations, 'registration')} removed on Zoom, removed here`]),
    ...(report.conflicts === 0
      ? []
      : [`${plural(report.conflicts, 'conflict')} (changed here and on Zoom) to settle on the Sync screen`]),
  ];
  if (parts.length === 0) return 'Read from Zoom: nothing changed there since the last sync.';
  return `Read from Zoom: ${parts.join('; ')}.`;
}
