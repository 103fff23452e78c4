import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './fixtures';

/** What a planner types into the series editor, in their words. */
export interface SeriesForm {
  name: string;
  timeZone: string;
  startDate: string;
  startTime: string;
  duration: number;
  repeats: 'Daily' | 'Weekly' | 'Monthly';
  weekdays?: string[];
  sessions: number;
  ticketName: string;
  linkName: string;
  registersFor?: 'All sessions' | 'One session' | 'Several sessions';
  /** A new series starts unpublished; `true` ticks "Publish on Zoom". */
  publish?: boolean;
}

/**
 * Types a date (`YYYY-MM-DD`) into a date field segment by segment, in the order the field shows
 * its segments (month/day/year in the US), as a planner types it.
 */
export async function typeDate(field: Locator, date: string): Promise<void> {
  const [year = '', month = '', day = ''] = date.split('-');
  const parts: Record<string, string> = { year, month, day };
  const segments = field.getByRole('spinbutton');
  for (const segment of await segments.all()) {
    const type = (await segment.getAttribute('data-type')) ?? '';
    await segment.click();
    await segment.pressSequentially(parts[type] ?? '');
  }
}

/** Types a time of day (`HH:MM`, 24-hour) into a time field, with AM/PM where the field has it. */
export async function typeTime(field: Locator, time: string): Promise<void> {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const segments = field.getByRole('spinbutton');
  const types = await Promise.all((await segments.all()).map((segment) => segment.getAttribute('data-type')));
  const isTwelveHour = types.includes('dayPeriod');
  const parts: Record<string, string> = {
    hour: String(isTwelveHour ? hours % 12 || 12 : hours).padStart(2, '0'),
    minute: String(minutes).padStart(2, '0'),
    dayPeriod: hours < 12 ? 'A' : 'P',
  };
  for (const [index, segment] of (await segments.all()).entries()) {
    await segment.click();
    await segment.pressSequentially(parts[types[index] ?? ''] ?? '');
  }
}

/** How the planner answers Sync now's question about what goes public; `nothing asked` when none is expected. */
export type SyncAnswer = 'make public' | 'rest only' | 'nothing asked';

/** The steps a planner takes in the app, by the names on the screen. */
export class Planner {
  constructor(
    readonly page: Page,
    readonly shell: AppShell,
  ) {}

  async trySandbox(): Promise<void> {
    await this.shell.link('Settings').click();
    await this.page.getByRole('button', { name: 'Try without a Zoom account' }).click();
    await expect(this.page.getByText('sandbox-account')).toBeVisible();
  }

  async newSeries(): Promise<void> {
    await this.shell.link('Series').click();
    await this.page.getByRole('button', { name: 'New series' }).click();
    await expect(this.page.getByLabel('Series name')).toBeVisible();
  }

  async fillSeries(form: SeriesForm): Promise<void> {
    const page = this.page;
    await page.getByLabel('Series name').fill(form.name);
    await page.getByLabel('Time zone').selectOption(form.timeZone);
    await typeDate(page.getByRole('group', { name: 'Start date' }), form.startDate);
    await typeTime(page.getByRole('group', { name: 'Start time' }), form.startTime);
    await page.getByLabel('Duration (minutes)').fill(String(form.duration));
    await page.getByLabel('Repeats').selectOption({ label: form.repeats });
    if (form.weekdays !== undefined) {
      const days = page.getByRole('group', { name: 'On these days' });
      // The chosen days first, then the others off: the series never passes through having none.
      for (const day of form.weekdays) await days.getByRole('checkbox', { name: day }).check();
      for (const box of await days.getByRole('checkbox').all()) {
        const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
        if (!form.weekdays.includes(name)) await box.uncheck();
      }
    }
    await page.getByRole('radio', { name: 'After', exact: true }).check();
    await page.getByLabel('Number of sessions').fill(String(form.sessions));
    await page.getByLabel('Ticket name').fill(form.ticketName);
    await page.getByLabel('Registration link name').fill(form.linkName);
    if (form.registersFor !== undefined) await page.getByRole('radio', { name: form.registersFor }).check();
    if (form.publish === true) await page.getByRole('checkbox', { name: /Publish on Zoom/ }).check();
    await this.expectSaved();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /saved|Saving|Not saved/ })).toHaveText(
      'All changes saved',
    );
  }

  get preview() {
    return this.page.getByRole('region', { name: 'Sessions' });
  }

  /**
   * A session's row in the preview, scrolled to as a planner would: the preview renders only
   * the rows in view, so a row further down exists once the list is scrolled near it.
   */
  async previewSession(occurrence: number): Promise<Locator> {
    const row = this.preview.getByRole('listitem', { name: new RegExp(`^Session ${String(occurrence)},`) });
    const scroller = this.preview.getByTestId('sessions-scroll');
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    for (;;) {
      await this.nextFrames();
      if ((await row.count()) > 0) break;
      const isAtEnd = await scroller.evaluate((element) => {
        const end = element.scrollHeight - element.clientHeight;
        element.scrollTo({ top: Math.min(end, element.scrollTop + element.clientHeight / 2) });
        return element.scrollTop >= end - 1;
      });
      if (isAtEnd) {
        await this.nextFrames();
        break;
      }
    }
    await row.scrollIntoViewIfNeeded();
    return row;
  }

  /** Checks that the preview lists `count` sessions, as a screen reader hears it, and that the last is there to scroll to. */
  async expectPreviewSessions(count: number): Promise<void> {
    const rows = this.preview.getByRole('listitem');
    await expect(rows.first()).toHaveAttribute('aria-setsize', String(count));
    const last = await this.previewSession(count);
    await expect(last).toHaveAttribute('aria-posinset', String(count));
    await expect(last).toHaveAttribute('aria-setsize', String(count));
  }

  /** Waits for two frames, so that a scroll has reached the list's rendered rows. */
  private async nextFrames(): Promise<void> {
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  }

  async openTab(name: 'Details' | 'Attendees'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async addAttendee(person: { email: string; first?: string; last?: string; sessions?: number[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add attendee' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add attendee' });
    await dialog.getByLabel('Email').fill(person.email);
    if (person.first !== undefined) await dialog.getByLabel('First name').fill(person.first);
    if (person.last !== undefined) await dialog.getByLabel('Last name').fill(person.last);
    for (const session of person.sessions ?? []) {
      await dialog
        .getByRole('group', { name: /Sessions?/ })
        .getByLabel(new RegExp(`^${String(session)}\\. `))
        .check();
    }
    await dialog.getByRole('button', { name: 'Add attendee' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.page.getByRole('row').filter({ hasText: person.email })).toBeVisible();
  }

  async importCsv(csv: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import attendees from CSV' });
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  /** Goes to Sync and presses Sync now, answering the question about what goes public (when one is expected). */
  async syncNow(answer: SyncAnswer = 'make public'): Promise<void> {
    await this.shell.link('Sync').click();
    await this.pressSyncNow(answer);
  }

  /** Presses Sync now on the Sync screen and answers the question about what goes public. */
  async pressSyncNow(answer: SyncAnswer = 'make public'): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    if (answer === 'nothing asked') return;
    await this.publicChanges
      .getByRole('button', { name: answer === 'make public' ? 'Sync and make public' : 'Sync the rest only' })
      .click();
  }

  /** The question Sync now asks when something would become visible to the public. */
  get publicChanges() {
    return this.page.getByRole('dialog', { name: 'Make these public on Zoom?' });
  }
}
