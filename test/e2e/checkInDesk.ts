import { expect, type Page } from '@playwright/test';
import type { AppShell } from './fixtures';
import { Planner } from './planner';
import { callServe } from './serveApi';
import type { ServeProcess } from '../support/serveProcess';

/** The people registered for the in-person event the desk checks in for. */
export const registrants = [
  { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', organization: 'Analytical Engines' },
  { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', organization: 'US Navy' },
  { email: 'alan@example.com', first_name: 'Alan', last_name: 'Turing', organization: 'Bletchley Park' },
];

/** An in-person conference on Zoom, published with its registrants, as a series Cadence has synced. */
export const conference = {
  key: 'e2e-conference',
  hub_id: 'hub-sandbox-main',
  name: 'Onsite Conference',
  timezone: 'Europe/London',
  event_type: 'RECURRING',
  attendance_type: 'in-person',
  start_time: '2027-03-02T09:00:00Z',
  recurrence: { type: 2, weekly_days: [3], end_times: 2, duration: 240 },
  ticket_type: { name: 'Conference pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
  attendees: registrants,
  publish: true,
};

/** The check-in screen as a staffer at the door sees it, by the names on the screen. */
export class CheckInDesk {
  constructor(
    readonly page: Page,
    readonly shell: AppShell,
  ) {}

  get searchBox() {
    return this.page.getByLabel('Find a person or scan a ticket');
  }

  get people() {
    return this.page.getByRole('list', { name: 'People' });
  }

  person(name: string) {
    return this.people.getByRole('listitem').filter({ hasText: name });
  }

  get result() {
    return this.page.getByRole('region', { name: 'Result' });
  }

  get waiting() {
    return this.page.getByTestId('waiting-count');
  }

  /** What a USB scanner does: types the text fast, then Enter. */
  async scan(text: string): Promise<void> {
    await this.searchBox.pressSequentially(text, { delay: 1 });
    await this.searchBox.press('Enter');
  }

  async open(): Promise<void> {
    await this.shell.link('Check-in').click();
  }

  /** Chooses a series in "Download for check-in" and downloads its registrants. */
  async download(seriesName: string): Promise<void> {
    await this.open();
    await this.page.getByLabel('Event', { exact: true }).selectOption({ label: seriesName });
    await this.page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: seriesName, level: 2 })).toBeVisible();
  }
}

/**
 * The scene of most check-in tests: the built-in sandbox, the conference synced and published on
 * it, and its registrants downloaded at the desk.
 */
/**
 * The desk with the conference downloaded. The background upload is off, so that what a test
 * counts as waiting is not sent meanwhile; a test of the background upload turns it on.
 */
export async function deskWithConference(page: Page, shell: AppShell, serve: ServeProcess): Promise<CheckInDesk> {
  await new Planner(page, shell).trySandbox();
  await callServe(serve, 'checkin.changeSettings', { uploadAutomatically: false });
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [conference] }, dryRun: false });
  await callServe(serve, 'sync.run', { makePublic: true });
  const desk = new CheckInDesk(page, shell);
  await desk.download(conference.name);
  return desk;
}
