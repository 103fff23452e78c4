import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface AttendeeZoneState {
  /** Per series: the time zone of the attendees whose view the preview also shows. */
  zones: Record<string, string>;
  choose: (seriesId: string, zone: string | undefined) => void;
}

/** The attendees' time zone the planner chose for each series' preview, kept across visits. */
export const useAttendeeZoneStore = create<AttendeeZoneState>()(
  persist(
    (set) => ({
      zones: {},
      choose: (seriesId, zone) =>
        set((state) => ({
          zones: Object.fromEntries([
            ...Object.entries(state.zones).filter(([id]) => id !== seriesId),
            ...(zone === undefined ? [] : [[seriesId, zone]]),
          ]) as Record<string, string>,
        })),
    }),
    { name: 'cadence-attendee-zones', storage: createJSONStorage(() => localStorage) },
  ),
);
