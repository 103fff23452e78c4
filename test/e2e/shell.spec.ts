import { expect, test } from './fixtures';

const screens = [
  { link: 'Series', hash: '#series', text: 'No series yet' },
  { link: 'Meetings', hash: '#meetings', text: 'No meetings yet' },
  { link: 'On Zoom', hash: '#zoom', text: 'Not connected to Zoom' },
  { link: 'Sync', hash: '#sync', text: 'Nothing waiting to sync' },
  { link: 'Check-in', hash: '#checkin', text: 'No event downloaded for check-in' },
  { link: 'Settings', hash: '#settings', text: 'About this copy of Cadence' },
];

test('opens on the Series screen with the six sections in the navigation', async ({ shell, page }) => {
  await expect(shell.title).toHaveText('Series');
  await expect(shell.navigation.getByRole('link')).toHaveText([
    'Series',
    'Meetings',
    'On Zoom',
    'Sync',
    'Check-in',
    'Settings',
  ]);
  await expect(shell.link('Series')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Cadence');
  // The secret left the address bar once it became a cookie.
  expect(page.url()).not.toContain('token=');
});

test('moves between every screen and keeps a picture of each', async ({ shell, page }) => {
  for (const screen of screens) {
    await shell.link(screen.link).click();
    await expect(shell.title).toHaveText(screen.link);
    await expect(shell.link(screen.link)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(screen.text)).toBeVisible();
    expect(new URL(page.url()).hash).toBe(screen.hash);
    await shell.keepScreenshot(screen.link.toLowerCase());
  }
});

test('shows the facts of this copy in Settings', async ({ shell, page, dataDir }) => {
  await shell.link('Settings').click();
  const facts = page.getByRole('region', { name: 'About this copy of Cadence' });
  await expect(facts.getByText('0.1.0')).toBeVisible();
  await expect(facts.getByText(dataDir)).toBeVisible();
  await expect(facts.getByText('Browser (cadence serve)')).toBeVisible();
  await expect(facts.getByText(/^Reachable · checked \d/)).toBeVisible();
  await expect(page.getByText('Version 0.1.0')).toBeVisible();
});

test('shows Online while Zoom answers and Offline once it does not', async ({ shell, zoom }) => {
  await expect(shell.connection).toContainText('Online');
  await zoom.stop();
  await shell.checkConnection.click();
  await expect(shell.connection).toContainText('Offline');
  await expect(shell.connection).toContainText('Your work is kept on this computer.');
  await shell.keepScreenshot('offline');
});

test('is usable from the keyboard alone', async ({ shell, page }) => {
  await page.keyboard.press('Tab');
  await expect(shell.link('Series')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(shell.title).toHaveText('Meetings');
});

test('keeps its place across a reload', async ({ shell, page }) => {
  await shell.link('Check-in').click();
  await page.reload();
  await expect(shell.title).toHaveText('Check-in');
});

test('shows nothing of the app without the secret', async ({ browser, serve }) => {
  const stranger = await browser.newPage();
  const response = await stranger.goto(serve.origin);
  expect(response?.status()).toBe(401);
  await expect(stranger.getByText('Open the link that "cadence serve" printed')).toBeVisible();
  await expect(stranger.getByRole('navigation')).toHaveCount(0);
  await stranger.close();
});

test('says when the page loses contact with Cadence', async ({ shell, serve, pageErrors }) => {
  await expect(shell.connection).toContainText('Online');
  await serve.stop();
  await expect(shell.connection).toContainText('Disconnected');
  // The browser logs the broken event stream; that is the expected consequence here.
  pageErrors.length = 0;
});
