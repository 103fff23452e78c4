import type { CheckInUploadReport } from '../../../shared/checkin/checkIn';

/** The sentence a desk (and `cadence checkin push`) shows after an upload. */
export function uploadMessage(
  outcome: CheckInUploadReport['outcome'],
  counts: Pick<CheckInUploadReport, 'uploaded' | 'alreadyOnZoom' | 'refusals' | 'waiting'>,
): string {
  const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'check-in' : 'check-ins'}`;
  const already = counts.alreadyOnZoom > 0 ? ` (${people(counts.alreadyOnZoom)} Zoom already had)` : '';
  switch (outcome) {
    case 'nothing_to_upload':
      return 'Nothing waits to upload; check-ins from other desks are up to date.';
    case 'offline':
      return `Zoom cannot be reached: ${people(counts.waiting)} kept on this laptop, uploaded when Zoom answers again.`;
    case 'refusals':
      return `Uploaded ${people(counts.uploaded)}${already}; Zoom refused ${people(counts.refusals.length)}, kept with Zoom's words.`;
    case 'uploaded':
      return `Uploaded ${people(counts.uploaded)}${already}.`;
  }
}
