import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShell } from './fixtures';

/** The serious and critical problems axe-core finds on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The Meetings screen as a planner uses it: the list, the config import, the editor and its preview. */
export class MeetingsPage {
  constructor(
    readonly page: Page,
    readonly shell: AppShell,
  ) {}

  async open(): Promise<void> {
    await this.shell.link('Meetings').click();
    await expect(this.shell.title).toHaveText('Meetings');
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Meetings' });
  }

  row(topic: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('link', { name: topic }) });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Import meetings from / });
  }

  /** Chooses a config file in Import config…; the dialog then shows what importing would do. */
  async chooseConfig(config: unknown, name = 'meetings-config.json'): Promise<void> {
    await this.page.getByLabel('Meetings config file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(typeof config === 'string' ? config : JSON.stringify(config, null, 2)),
    });
    await expect(this.importDialog).toBeVisible();
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Occurrences' });
  }

  occurrence(index: number): Locator {
    return this.preview.getByRole('listitem', { name: new RegExp(`^Occurrence ${String(index)},`) });
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /saved|Saving|Not saved/ })).toHaveText(
      'All changes saved',
    );
  }
}
