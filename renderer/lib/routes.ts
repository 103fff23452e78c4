/** Where the planner can be: the screens, and the places inside them, read from and written to the URL fragment. */

export const screens = ['series', 'meetings', 'zoom', 'sync', 'checkin', 'settings'] as const;
export type Screen = (typeof screens)[number];

export function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

/** The parts of a series' page. */
export const seriesTabs = ['details', 'attendees', 'attendance', 'history'] as const;
export type SeriesTab = (typeof seriesTabs)[number];

/** The meeting editor's place for a meeting not yet saved. */
export const newMeetingId = 'new';

/**
 * Where the planner is: a screen, and on the Series screen perhaps one series and its tab, on the
 * Meetings screen perhaps one meeting (`newMeetingId` for one not yet saved).
 */
export interface Route {
  screen: Screen;
  seriesId?: string;
  tab?: SeriesTab;
  meetingId?: string;
}

/** Reads `#series/ID/attendees`- and `#meetings/ID`-style fragments; anything unknown is the series list. */
export function parseRoute(hash: string): Route {
  const [screen = '', itemId, tab] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (!isScreen(screen)) return { screen: 'series' };
  if (itemId === undefined || itemId === '') return { screen };
  if (screen === 'meetings') return { screen, meetingId: itemId };
  if (screen !== 'series') return { screen };
  const known = seriesTabs.find((name) => name === tab);
  return { screen, seriesId: itemId, tab: known ?? 'details' };
}

export function routeHash(route: Route): string {
  if (route.meetingId !== undefined) return `#${route.screen}/${encodeURIComponent(route.meetingId)}`;
  if (route.seriesId === undefined) return `#${route.screen}`;
  const tab = route.tab === undefined || route.tab === 'details' ? '' : `/${route.tab}`;
  return `#${route.screen}/${encodeURIComponent(route.seriesId)}${tab}`;
}
