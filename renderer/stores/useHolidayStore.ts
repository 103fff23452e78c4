import { create } from 'zustand';
import type { ClosedDay, HolidayCalendar } from '../../shared/drafts/closedDays';
import type { HolidayCountry } from '../../shared/drafts/holidayChoices';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';

/** Which holidays were asked for: a calendar over a span of dates. */
export function holidayRequestKey(calendar: HolidayCalendar, span: { from: string; to: string }): string {
  return `${calendar.country}/${calendar.region ?? ''}/${span.from}/${span.to}`;
}

interface HolidayState {
  /** Every country with holiday data, once asked for. */
  countries: HolidayCountry[] | undefined;
  /** Holidays by request key; main holds the data set, the renderer only what it showed. */
  holidays: Record<string, ClosedDay[]>;
  error: IpcError | undefined;
  loadCountries: (api: CadenceApi) => Promise<void>;
  /** The holidays of a calendar over a span, from memory or from main. */
  holidaysFor: (
    api: CadenceApi,
    calendar: HolidayCalendar,
    span: { from: string; to: string },
  ) => Promise<ClosedDay[] | undefined>;
}

/** Holiday calendars as the series editor shows them. */
export const useHolidayStore = create<HolidayState>()((set, get) => ({
  countries: undefined,
  holidays: {},
  error: undefined,
  async loadCountries(api) {
    if (get().countries !== undefined) return;
    const result = await api.holidays.calendars();
    if (result.ok) set({ countries: result.value, error: undefined });
    else set({ error: result.error });
  },
  async holidaysFor(api, calendar, span) {
    const key = holidayRequestKey(calendar, span);
    const known = get().holidays[key];
    if (known !== undefined) return known;
    const result = await api.holidays.between({ calendar, ...span });
    if (!result.ok) {
      set({ error: result.error });
      return undefined;
    }
    set((state) => ({ holidays: { ...state.holidays, [key]: result.value }, error: undefined }));
    return result.value;
  },
}));
