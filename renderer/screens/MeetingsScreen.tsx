import { lazy, Suspense } from 'react';
import { MeetingList } from '../components/meetings/MeetingList';
import { useAppStore } from '../stores/useAppStore';

// The editor (and the date and time fields it brings) is a chunk of its own, as the series editor is.
const editorModule = import('../components/meetings/MeetingEditor');
const MeetingEditor = lazy(async () => ({ default: (await editorModule).MeetingEditor }));

/** Every recurring meeting drafted or on Zoom, or the one being edited. */
export function MeetingsScreen() {
  const route = useAppStore((state) => state.route);
  if (route.meetingId === undefined) return <MeetingList />;
  return (
    <Suspense fallback={<p className="muted">Opening the meeting…</p>}>
      <MeetingEditor meetingId={route.meetingId} />
    </Suspense>
  );
}
