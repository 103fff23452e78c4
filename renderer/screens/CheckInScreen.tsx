import { EmptyState } from '../components/EmptyState';

/** Onsite check-in, with or without a network. */
export function CheckInScreen() {
  return (
    <EmptyState icon="checkin" title="No event downloaded for check-in">
      <p>Download an event's registrants while you have a network, then check people in at the venue without one.</p>
      <p>Check-ins are uploaded to Zoom in batches once you are back online.</p>
    </EmptyState>
  );
}
