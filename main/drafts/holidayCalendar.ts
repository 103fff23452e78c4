import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { ClosedDay, HolidayCalendar } from '../../shared/drafts/closedDays';
import { holidayListSchema, type HolidayCountry } from '../../shared/drafts/holidayChoices';
import { CadenceError } from '../../shared/errors';

/**
 * Which of the data set's holiday types close a series: public holidays (with their substitute
 * days), when offices and schools close. Bank holidays (banks only), optional days, school days
 * and observances such as Mother's Day do not.
 */
const closingTypes: ReadonlySet<string> = new Set(['public']);

/** Calendar-years kept worked out; a planner's series use a handful. */
const rememberedYears = 200;

/** Names in English, the language of the app. */
const language = 'en';

/**
 * The data set, loaded on first use: it holds every country's rules and takes a few hundred
 * milliseconds to load, which every CLI command and app start would pay otherwise.
 */
let loaded: typeof Holidays | undefined;
function newHolidays(country?: string, region?: string): Holidays {
  loaded ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  if (country === undefined) return new loaded();
  return region === undefined ? new loaded(country) : new loaded(country, region);
}

function regionsOf(country: string): HolidayCountry['regions'] {
  // The data set answers undefined, despite its types, for a country without regions.
  const states = newHolidays().getStates(country, language) as Readonly<Record<string, string>> | undefined;
  return Object.entries(states ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Public holidays by country and region from the offline `date-holidays` data set: no network.
 * Kept in main so the renderer's bundle does not carry every country's rules. A calendar's
 * rules are parsed once and reused.
 */
export class HolidayCalendars {
  private readonly calendars = new Map<string, Holidays>();
  private readonly years = new Map<string, ClosedDay[]>();
  private countries: HolidayCountry[] | undefined;

  /** Every country with its regions, by name. */
  list(): HolidayCountry[] {
    this.countries ??= Object.entries(newHolidays().getCountries(language))
      .map(([code, name]) => ({ code, name, regions: regionsOf(code) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return this.countries;
  }

  /**
   * Why a calendar is not one the data set knows, at its field, or undefined when it is.
   * Codes are upper case, as the draft schema writes them.
   */
  problem(calendar: HolidayCalendar): { field: 'country' | 'region'; message: string } | undefined {
    const country = this.list().find((entry) => entry.code === calendar.country);
    if (country === undefined) {
      return { field: 'country', message: `Cadence has no holiday calendar for the country "${calendar.country}".` };
    }
    if (calendar.region !== undefined && !country.regions.some((region) => region.code === calendar.region)) {
      const known = country.regions.map((region) => region.code).join(', ');
      return {
        field: 'region',
        message: `${country.name} has no region "${calendar.region}" in the holiday calendar${
          known === '' ? '; leave the region out' : ` (one of ${known})`
        }.`,
      };
    }
    return undefined;
  }

  /** The calendar's closing holidays from one date to another (inclusive), in date order, one per date. */
  between(calendar: HolidayCalendar, from: string, to: string): ClosedDay[] {
    const problem = this.problem(calendar);
    if (problem !== undefined) {
      throw new CadenceError('invalid_input', problem.message, [
        { path: `calendar.${problem.field}`, message: problem.message },
      ]);
    }
    const days: ClosedDay[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
      days.push(...this.yearOf(calendar, year).filter((day) => day.date >= from && day.date <= to));
    }
    return days;
  }

  /** A calendar's closing holidays of one year, worked out once: every save of a series asks again. */
  private yearOf(calendar: HolidayCalendar, year: number): ClosedDay[] {
    const id = `${calendar.country}/${calendar.region ?? ''}/${String(year)}`;
    const known = this.years.get(id);
    if (known !== undefined) return known;
    const byDate = new Map<string, string>();
    for (const holiday of this.calendarOf(calendar).getHolidays(year, language)) {
      if (!closingTypes.has(holiday.type)) continue;
      const date = holiday.date.slice(0, 10);
      const earlier = byDate.get(date);
      byDate.set(date, earlier === undefined ? holiday.name : `${earlier}; ${holiday.name}`);
    }
    // The data set is from outside: its names pass the draft's own rules before they reach a draft.
    const days = holidayListSchema.parse(
      [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name: name.slice(0, 200) })),
    );
    if (this.years.size >= rememberedYears) this.years.clear();
    this.years.set(id, days);
    return days;
  }

  private calendarOf(calendar: HolidayCalendar): Holidays {
    const id = `${calendar.country}/${calendar.region ?? ''}`;
    let holidays = this.calendars.get(id);
    if (holidays === undefined) {
      holidays = newHolidays(calendar.country, calendar.region);
      this.calendars.set(id, holidays);
    }
    return holidays;
  }
}
