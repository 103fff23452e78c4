import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { CheckInEvent, CheckInMatches } from '../../shared/checkin/checkIn';
import { writeQrVideo } from '../support/qrVideo';
import { CheckInDesk, deskWithConference } from './checkInDesk';
import { AppShell, expect, test } from './fixtures';
import { callServe } from './serveApi';

test("the webcam reads the QR code on a person's ticket and checks them in", async ({
  page,
  shell,
  serve,
  dataDir,
  browserName,
}, testInfo) => {
  test.slow();
  await deskWithConference(page, shell, serve);
  const [event] = await callServe<CheckInEvent[]>(serve, 'checkin.events');
  const matches = await callServe<CheckInMatches>(serve, 'checkin.search', {
    eventId: event?.eventId ?? '',
    query: 'alan@example.com',
  });
  const ticketId = matches.people[0]?.ticketIds[0] ?? '';
  expect(ticketId).not.toBe('');

  // Chromium's fake camera plays a file chosen at launch: a browser of this test's own, filming the ticket.
  const video = join(dataDir, 'ticket.y4m');
  await writeQrVideo(ticketId, video);
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [
      ...(launch.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const cameraPage = await browser.newPage();
    const errors: string[] = [];
    cameraPage.on('pageerror', (error) => errors.push(error.message));
    cameraPage.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await cameraPage.goto(serve.url);
    const desk = new CheckInDesk(cameraPage, new AppShell(cameraPage));
    await desk.open();
    await cameraPage.getByRole('button', { name: 'Scan with camera' }).click();
    await expect(desk.result.getByRole('heading', { name: 'Checked in' })).toBeVisible({ timeout: 15_000 });
    await expect(desk.result).toContainText('Alan Turing');
    await expect(cameraPage.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
    expect(errors, `${browserName} logged errors`).toEqual([]);
  } finally {
    await browser.close();
  }
});
