import { EmptyState } from '../components/EmptyState';

/** Every draft and synced series. */
export function SeriesScreen() {
  return (
    <EmptyState icon="series" title="No series yet">
      <p>
        Recurring series you draft or import appear here: weekly standups, monthly webinars, training courses with
        per-session registration.
      </p>
      <p>Every change is saved on this computer as you make it, and reaches Zoom when you sync.</p>
    </EmptyState>
  );
}
