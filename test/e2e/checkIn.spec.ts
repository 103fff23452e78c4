import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { CheckInEvent, CheckInMatches } from '../../shared/checkin/checkIn';
import { startSandboxProcess } from '../support/sandboxProcess';
import type { ServeProcess } from '../support/serveProcess';
import { CheckInDesk, conference, deskWithConference } from './checkInDesk';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls } from './serveApi';

/** A registrant's first ticket ID, as printed on their ticket and typed by a scanner. */
async function ticketOf(serve: ServeProcess, email: string): Promise<string> {
  const [event] = await callServe<CheckInEvent[]>(serve, 'checkin.events');
  if (event === undefined) throw new Error('No event downloaded');
  const matches = await callServe<CheckInMatches>(serve, 'checkin.search', { eventId: event.eventId, query: email });
  const ticketId = matches.people[0]?.ticketIds[0];
  if (ticketId === undefined) throw new Error(`${email} has no ticket`);
  return ticketId;
}

/** The serious and critical problems axe-core finds on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('a staffer finds a person by typing, checks them in with the keyboard, and undoes it before upload', async ({
  page,
  shell,
  serve,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await expect(desk.searchBox).toBeFocused();
  await expect(desk.people.getByRole('listitem')).toHaveCount(3);

  await desk.searchBox.fill('lovel');
  await expect(desk.people.getByRole('listitem')).toHaveCount(1);
  await expect(desk.person('Ada Lovelace')).toContainText('Not checked in');
  await desk.searchBox.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Check in Ada Lovelace' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(desk.result).toContainText('Checked in');
  await expect(desk.result).toContainText('Ada Lovelace');
  await expect(desk.searchBox).toHaveValue('');
  await expect(desk.searchBox).toBeFocused();
  await expect(desk.waiting).toHaveText('1');
  await expect(desk.person('Ada Lovelace')).toContainText('waiting to upload');

  await desk.result.getByRole('button', { name: 'Undo check-in' }).click();
  await expect(desk.result).toContainText('Check-in taken back');
  await expect(desk.waiting).toHaveText('0');
  await expect(desk.person('Ada Lovelace')).toContainText('Not checked in');

  // Undo on a person's row, while the check-in waits.
  await page.getByRole('button', { name: 'Check in Grace Hopper' }).click();
  await expect(desk.waiting).toHaveText('1');
  await page.getByRole('button', { name: 'Undo the check-in of Grace Hopper' }).click();
  await expect(desk.waiting).toHaveText('0');
  await expect(desk.person('Grace Hopper')).toContainText('Not checked in');
});

test("a scanner's ticket ID checks the person in at once; the same ticket again is amber with when and where", async ({
  page,
  shell,
  serve,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  const ticketId = await ticketOf(serve, 'grace@example.com');

  await desk.scan(ticketId);
  await expect(desk.result).toContainText('Checked in');
  await expect(desk.result).toContainText('Grace Hopper');
  // The title and the name say it: the name is not said twice.
  await expect(desk.result).not.toContainText('Checked in: Grace Hopper');
  await expect(desk.searchBox).toHaveValue('');
  await expect(desk.waiting).toHaveText('1');

  await desk.scan(ticketId);
  await expect(desk.result.getByRole('heading')).toHaveText('Already checked in');
  await expect(desk.result).toContainText(/Already checked in at \d\d:\d\d at /);
  await expect(desk.waiting).toHaveText('1');
});

test('someone not on the list is red, and recorded as an amber walk-in with a badge to print', async ({
  page,
  shell,
  serve,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });

  await desk.scan('late@example.com');
  await expect(desk.result.getByRole('heading', { name: 'Not registered' })).toBeVisible();
  await desk.result.getByRole('button', { name: 'Record as walk-in' }).click();
  const walkIn = page.getByRole('form', { name: 'Record as walk-in' });
  await expect(walkIn.getByLabel('Email')).toHaveValue('late@example.com');
  await walkIn.getByLabel('First name').fill('Katherine');
  await walkIn.getByLabel('Last name').fill('Johnson');
  await walkIn.getByLabel('Organisation').fill('NASA');
  // Every field fits inside the form's padding, beside the result panel.
  const overflowing = await walkIn.evaluate((form) => {
    const inner = form.getBoundingClientRect().right - parseFloat(getComputedStyle(form).paddingRight);
    return [...form.querySelectorAll('input')]
      .filter((input) => input.getBoundingClientRect().right > inner + 0.5)
      .map((input) => input.labels?.[0]?.textContent);
  });
  expect(overflowing).toEqual([]);
  await walkIn.getByRole('button', { name: 'Record walk-in' }).click();

  await expect(desk.result.getByRole('heading', { name: 'Walk-in recorded' })).toBeVisible();
  await expect(desk.waiting).toHaveText('1');
  await desk.result.getByRole('button', { name: 'Print badge' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await expect(page.getByTestId('badge')).toContainText('Katherine Johnson');
  await expect(page.getByTestId('badge')).toContainText('NASA');
});

test('the check-in desk passes axe-core with a result on screen', async ({ page, shell, serve }) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await desk.scan('nobody@example.com');
  await expect(desk.result.getByRole('heading', { name: 'Not registered' })).toBeVisible();
  await shell.keepScreenshot('check-in-desk');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the kiosk: locked with a PIN, only the box and the result, resets itself, survives a reload, and opens only with the PIN', async ({
  page,
  shell,
  serve,
  pageErrors,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await expect(page.getByRole('button', { name: 'Start self check-in' })).toBeDisabled();

  await shell.link('Settings').click();
  const pinForm = page.getByRole('form', { name: 'Self check-in PIN' });
  await pinForm.getByLabel('Kiosk PIN').fill('2468');
  await pinForm.getByRole('button', { name: 'Set PIN' }).click();
  await expect(pinForm.getByRole('status')).toHaveText('PIN set.');
  await shell.keepScreenshot('check-in-settings');

  await desk.open();
  await page.getByRole('button', { name: 'Start self check-in' }).click();
  const box = page.getByLabel('Scan your ticket, or type your email');
  await expect(box).toBeFocused();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  await expect(page.getByText('Desk name')).toHaveCount(0);

  await box.fill('alan@example.com');
  await box.press('Enter');
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Checked in' })).toBeVisible();
  await expect(result).toContainText('Alan Turing');
  await shell.keepScreenshot('check-in-kiosk');
  // A few seconds later the kiosk is ready for the next person.
  await expect(result.getByRole('heading')).toHaveCount(0, { timeout: 8_000 });
  expect(await seriousViolations(page)).toEqual([]);

  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(box).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  await page.getByRole('button', { name: 'Staff: leave self check-in' }).click();
  await page.getByLabel('Kiosk PIN').fill('1111');
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That PIN is wrong');
  await expect(box).toBeVisible();

  await page.getByLabel('Kiosk PIN').fill('2468');
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(shell.navigation).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Onsite Conference', level: 2 })).toBeVisible();
  dropRefusedCalls(pageErrors);
});

test('offline, the whole desk looks offline and counts what waits; back online, Upload now sends it', async ({
  page,
  shell,
  serve,
  dataDir,
}) => {
  test.slow();
  const stateFile = join(dataDir, 'zoom-state.json');
  let sandbox = await startSandboxProcess(['--state', stateFile]);
  const port = new URL(sandbox.url).port;
  try {
    await callServe(serve, 'zoom.connect', {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
      api_url: sandbox.api_url,
      oauth_url: sandbox.oauth_url,
    });
    await callServe(serve, 'drafts.import', { file: { version: 1, series: [conference] }, dryRun: false });
    await callServe(serve, 'sync.run', { makePublic: true });
    const desk = new CheckInDesk(page, shell);
    await desk.download(conference.name);
    await expect(page.getByRole('status').filter({ hasText: 'Offline.' })).toHaveCount(0);

    await sandbox.stop();
    await shell.checkConnection.click();
    const offline = page.getByRole('status').filter({ hasText: 'Offline.' });
    await expect(offline).toContainText('Check-ins are recorded on this laptop');
    await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();
    await expect(desk.result).toContainText('Checked in');
    await expect(desk.waiting).toHaveText('1');
    await expect(
      page.getByText('Two desks that are offline at the same time can each admit the same person'),
    ).toBeVisible();
    await shell.keepScreenshot('check-in-offline');

    sandbox = await startSandboxProcess(['--state', stateFile, '--port', port]);
    await shell.checkConnection.click();
    await expect(offline).toHaveCount(0);
    await page.getByRole('button', { name: 'Upload now' }).click();
    await expect(desk.waiting).toHaveText('0');
    await expect(page.getByText(/Last upload/).locator('xpath=following-sibling::dd[1]')).toContainText('today');
  } finally {
    await sandbox.stop();
  }
});

test('after five wrong PINs the kiosk says when the next try is possible', async ({ page, shell, serve }) => {
  test.slow();
  await deskWithConference(page, shell, serve);
  const [event] = await callServe<CheckInEvent[]>(serve, 'checkin.events');
  await callServe(serve, 'checkin.setKioskPin', { pin: '2468' });
  await callServe(serve, 'checkin.lockKiosk', { scope: { eventId: event?.eventId, sessionId: null } });
  await page.reload();

  await page.getByRole('button', { name: 'Staff: leave self check-in' }).click();
  const problem = page.getByRole('alert');
  for (let tries = 1; tries <= 4; tries += 1) {
    await page.getByLabel('Kiosk PIN').fill('1111');
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect(problem).toHaveText('That PIN is wrong.');
  }
  await page.getByLabel('Kiosk PIN').fill('1111');
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(problem).toContainText(/the next try is possible at \d\d:\d\d:\d\d/);
  await expect(page.getByLabel('Scan your ticket, or type your email')).toBeVisible();
});

test("Zoom's refusal is listed with the person and Zoom's words; another desk's check-in shows after an upload", async ({
  page,
  shell,
  serve,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  const [event] = await callServe<CheckInEvent[]>(serve, 'checkin.events');
  const sandbox = await connectedSandbox(serve);
  await sandbox.edit({ kind: 'check-in', event_id: event?.eventId, email: 'alan@example.com', source: 'Door B' });

  await desk.scan('late@example.com');
  await desk.result.getByRole('button', { name: 'Record as walk-in' }).click();
  await page.getByRole('form', { name: 'Record as walk-in' }).getByRole('button', { name: 'Record walk-in' }).click();
  await expect(desk.result.getByRole('heading', { name: 'Walk-in recorded' })).toBeVisible();
  await page.getByRole('button', { name: 'Upload now' }).click();

  const refused = page.getByRole('list', { name: 'Refused check-ins' });
  await expect(refused).toContainText('late@example.com');
  await expect(refused).toContainText('User is not registered for this event.');
  await expect(desk.person('Alan Turing')).toContainText(/Checked in.*Door B/);
});

test('the numbers: checked in of registered, per desk, over time with a table, and a CSV download', async ({
  page,
  shell,
  serve,
}) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();
  await expect(desk.waiting).toHaveText('1');
  await page.getByRole('button', { name: 'Check in Grace Hopper' }).click();
  await expect(desk.waiting).toHaveText('2');

  const numbers = page.getByRole('region', { name: 'Numbers' });
  await expect(numbers.getByText(/of 3 checked in/)).toHaveText('2 of 3 checked in');
  const perDesk = numbers.getByRole('table', { name: 'Per desk' });
  await expect(perDesk.getByRole('row')).toHaveCount(2);
  await expect(perDesk.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('2');
  await expect(numbers.getByRole('img', { name: /Check-ins per quarter hour/ })).toBeVisible();
  await numbers.getByText('The numbers as a table').click();
  await expect(numbers.getByRole('table', { name: 'Check-ins per quarter hour' }).getByRole('cell')).toHaveText('2');

  const download = page.waitForEvent('download');
  await numbers.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('ada@example.com');
  expect(csv).toContain('grace@example.com');
});

test('with the privacy option the list stays empty until the staffer types', async ({ page, shell, serve }) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await expect(desk.people.getByRole('listitem')).toHaveCount(3);
  await shell.link('Settings').click();
  await page.getByRole('checkbox', { name: /List people only when searching/ }).check();
  await desk.open();
  await expect(page.getByText('The list stays empty until you search')).toBeVisible();
  await expect(desk.people).toHaveCount(0);
  await desk.searchBox.fill('grace');
  await expect(desk.people.getByRole('listitem')).toHaveText([/Grace Hopper/]);
});

test('switching event while check-ins wait asks first and says they stay recorded', async ({ page, shell, serve }) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  const workshop = { ...conference, key: 'e2e-workshop', name: 'Onsite Workshop' };
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [workshop] }, dryRun: false });
  await callServe(serve, 'sync.run', { makePublic: true });
  await page.reload();
  await desk.download(workshop.name);
  await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();
  await expect(desk.waiting).toHaveText('1');

  await page.getByRole('button', { name: 'Check in for Onsite Conference' }).click();
  const question = page.getByRole('dialog', { name: '1 check-in waits to upload' });
  await expect(question).toContainText('They stay recorded on this laptop either way');
  await question.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('heading', { name: 'Onsite Workshop', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Check in for Onsite Conference' }).click();
  await question.getByRole('button', { name: 'Check in for Onsite Conference' }).click();
  await expect(page.getByRole('heading', { name: 'Onsite Conference', level: 2 })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Onsite Workshop' })).toContainText('1 waiting to upload');
});

test('the background upload empties the waiting count on screen by itself', async ({ page, shell, serve }) => {
  test.slow();
  const desk = await deskWithConference(page, shell, serve);
  await callServe(serve, 'checkin.changeSettings', { uploadAutomatically: true });
  await expect(page.getByText('Last upload').locator('xpath=following-sibling::dd[1]')).toHaveText('Not yet');
  await page.getByRole('button', { name: 'Check in Ada Lovelace' }).click();
  await expect(desk.waiting).toHaveText('1');
  // Uploads go every 5 s while Zoom answers; the screen hears of it without being asked.
  await expect(desk.waiting).toHaveText('0', { timeout: 15_000 });
  await expect(page.getByText('Last upload').locator('xpath=following-sibling::dd[1]')).toContainText('today');
  await expect(desk.person('Ada Lovelace')).not.toContainText('waiting to upload');
});

test('an event is downloaded by a Zoom event ID typed in; an unknown ID is refused in words', async ({
  page,
  shell,
  serve,
  pageErrors,
}) => {
  test.slow();
  await new Planner(page, shell).trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [conference] }, dryRun: false });
  await callServe(serve, 'sync.run', { makePublic: true });
  const sandbox = await connectedSandbox(serve);
  const eventId = (await sandbox.state()).events.find((event) => event.name === conference.name)?.event_id ?? '';

  const desk = new CheckInDesk(page, shell);
  await desk.open();
  await expect(page.getByRole('region', { name: 'No event downloaded for check-in' })).toBeVisible();
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'A Zoom event ID…' });
  await page.getByLabel('Zoom event ID').fill('no-such-event');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Zoom has no event no-such-event');
  await expect(page.getByRole('heading', { name: conference.name, level: 2 })).toHaveCount(0);

  await page.getByLabel('Zoom event ID').fill(eventId);
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(page.getByRole('heading', { name: conference.name, level: 2 })).toBeVisible();
  await expect(desk.people.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByText(/^Downloaded \d\d:\d\d.* today/)).toBeVisible();
  dropRefusedCalls(pageErrors, [400, 404]);
});
