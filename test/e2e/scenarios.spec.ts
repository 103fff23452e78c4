import { expect, test } from './fixtures';
import { Planner, typeDate } from './planner';
import { connectedSandbox, dropRefusedCalls, useTicketTypes } from './serveApi';

// The three scenarios of Zoom's recurring-events tutorial, done the way a planner does them:
// from an empty app, through the series editor and the attendee table, to synced on the sandbox.
// Each runs twice: with ticket types as the tutorial makes them, and as the API reference says
// (events come with one, and another is refused).
for (const ticketTypes of ['tutorial', 'reference'] as const) {
  test.describe(`ticket types as Zoom's ${ticketTypes} says`, () => {
    test('weekly standup: one registration for all sessions, attendees added and imported, synced and published', async ({
      shell,
      page,
      serve,
      pageErrors,
    }) => {
      // A whole tutorial scenario, from an empty app to synced: more than one screen's test.
      test.slow();
      const planner = new Planner(page, shell);
      await planner.trySandbox();
      await useTicketTypes(serve, ticketTypes);
      await planner.newSeries();
      await planner.fillSeries({
        name: 'Weekly Team Standup',
        timeZone: 'America/New_York',
        startDate: '2027-01-04',
        startTime: '10:00',
        duration: 30,
        repeats: 'Weekly',
        weekdays: ['Monday'],
        sessions: 12,
        ticketName: 'Team Member Pass',
        linkName: 'Team Registration',
        publish: true,
      });
      await expect(planner.preview).toContainText('Weekly on Monday · 12 sessions');
      await planner.expectPreviewSessions(12);
      // March 14, 2027: the clocks change in New York; the session keeps 10:00 local time.
      const eleventh = await planner.previewSession(11);
      await expect(eleventh).toContainText('Clocks change');
      await expect(eleventh).toContainText('10:00');
      await planner.previewSession(1);
      await shell.keepScreenshot('series-editor');

      await planner.openTab('Attendees');
      await planner.addAttendee({ email: 'jane.doe@example.com', first: 'Jane', last: 'Doe' });
      await planner.importCsv(
        'Email,First Name,Last Name\njohn@example.com,John,Smith\nnot-an-email,Bad,Row\nmei@example.com,Mei,Lin\n',
      );
      const dialog = page.getByRole('dialog', { name: 'Import attendees from CSV' });
      await expect(dialog.getByRole('combobox', { name: 'Import "Email" as' })).toHaveValue('email');
      await dialog.getByRole('button', { name: 'Check rows' }).click();
      await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Line 3');
      const table = page.getByRole('table', { name: 'Attendees' });
      await expect(table.getByRole('row')).toHaveCount(2);
      await shell.keepScreenshot('attendee-import');
      await dialog.getByRole('button', { name: 'Import 2 attendees' }).click();
      await expect(dialog.getByText('Imported: 2 new attendees')).toBeVisible();
      await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Line 3');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(table.getByRole('row')).toHaveCount(4);
      await shell.keepScreenshot('attendees');

      await shell.link('Sync').click();
      const waiting = page.getByRole('list', { name: 'Changes waiting' });
      await expect(waiting).toContainText('Create "Weekly Team Standup" with 12 sessions');
      await expect(waiting).toContainText('Register 3 people for "Weekly Team Standup"');
      await shell.keepScreenshot('sync-waiting');
      await planner.pressSyncNow();
      await expect(page.getByText(/everything is in sync/).first()).toBeVisible();
      await shell.keepScreenshot('sync-done');

      const zoom = await (await connectedSandbox(serve)).state();
      const event = zoom.events.find((candidate) => candidate.name === 'Weekly Team Standup');
      expect(event?.status).toBe('PUBLISHED');
      expect(zoom.sessions.filter((session) => session.event_id === event?.event_id)).toHaveLength(12);
      expect(
        zoom.tickets
          .filter((ticket) => ticket.event_id === event?.event_id)
          .map((t) => t.email)
          .sort(),
      ).toEqual(['jane.doe@example.com', 'john@example.com', 'mei@example.com']);
      expect(zoom.accessLinks.find((link) => link.event_id === event?.event_id)?.recurring_registration_option).toBe(
        'all_sessions',
      );
      // One ticket type, the planner's, whether Cadence made it or renamed the one Zoom gave the event.
      const eventTicketTypes = zoom.ticketTypes.filter((type) => type.event_id === event?.event_id);
      expect(eventTicketTypes.map((type) => type.name)).toEqual(['Team Member Pass']);

      await shell.link('Series').click();
      const row = page.getByRole('row', { name: /Weekly Team Standup/ });
      await expect(row).toContainText('Published');
      // Zoom keeps a published series' recurrence: the editor says so and locks it; single sessions still move.
      await page.getByRole('link', { name: 'Weekly Team Standup' }).click();
      await expect(page.getByRole('note')).toContainText('published on Zoom');
      await expect(page.getByLabel('Repeats')).toBeDisabled();
      await expect(page.getByLabel('Number of sessions')).toBeDisabled();
      await expect(planner.preview.getByRole('button', { name: 'Move session 2' })).toBeEnabled();
      await shell.link('Series').click();
      await expect(row).toContainText('3');
      await shell.keepScreenshot('series-list');
      dropRefusedCalls(pageErrors);
    });

    test("monthly webinar on the first Tuesday: synced, then another planner's rename settled both ways", async ({
      shell,
      page,
      serve,
    }) => {
      // A whole tutorial scenario, from an empty app to synced: more than one screen's test.
      test.slow();
      const planner = new Planner(page, shell);
      await planner.trySandbox();
      await useTicketTypes(serve, ticketTypes);
      await planner.newSeries();
      await page.getByLabel('Repeats').selectOption({ label: 'Monthly' });
      await page.getByRole('radio', { name: 'On the' }).check();
      await page.getByLabel('Week of the month').selectOption({ label: '1st' });
      await page.getByLabel('Weekday').selectOption({ label: 'Tuesday' });
      await planner.fillSeries({
        name: 'Product Updates Webinar Series',
        timeZone: 'America/Los_Angeles',
        startDate: '2027-01-05',
        startTime: '14:00',
        duration: 90,
        repeats: 'Monthly',
        sessions: 6,
        ticketName: 'Webinar Seat',
        linkName: 'Webinar Registration',
        publish: true,
      });
      await expect(planner.preview).toContainText('Monthly on the 1st Tuesday · 6 sessions');
      const days = await planner.preview.locator('.session-day').allTextContents();
      expect(days).toEqual([
        'Tue, Jan 5, 2027',
        'Tue, Feb 2, 2027',
        'Tue, Mar 2, 2027',
        'Tue, Apr 6, 2027',
        'Tue, May 4, 2027',
        'Tue, Jun 1, 2027',
      ]);
      await planner.openTab('Attendees');
      await planner.addAttendee({ email: 'ana@example.com', first: 'Ana' });
      await planner.syncNow();
      await expect(page.getByText(/everything is in sync/).first()).toBeVisible();

      const sandbox = await connectedSandbox(serve);
      const eventId = (await sandbox.state()).events.find((e) => e.name === 'Product Updates Webinar Series')?.event_id;
      const renameBoth = async (theirs: string, mine: string) => {
        await sandbox.edit({ kind: 'rename-event', event_id: eventId, name: theirs });
        await shell.link('Series').click();
        await page
          .getByRole('link', { name: /Product Updates|Their|Mine/ })
          .first()
          .click();
        await page.getByLabel('Series name').fill(mine);
        await planner.expectSaved();
        await planner.syncNow('nothing asked');
        return page.getByRole('listitem', { name: `${mine}: Changed here and on Zoom` });
      };

      // Take theirs: Zoom's name comes into the draft, and nothing is sent over it.
      let card = await renameBoth('Product Updates (Zoom)', 'Product Updates (mine)');
      await expect(card.getByRole('table', { name: 'Versions side by side' })).toContainText('Product Updates (Zoom)');
      await expect(card.getByRole('table', { name: 'Versions side by side' })).toContainText(
        'Product Updates Webinar Series',
      );
      await shell.keepScreenshot('sync-conflict');
      await card.getByRole('button', { name: 'Take theirs' }).click();
      await expect(card).toHaveCount(0);
      await shell.link('Series').click();
      await expect(page.getByRole('link', { name: 'Product Updates (Zoom)' })).toBeVisible();
      expect((await sandbox.state()).events.find((e) => e.event_id === eventId)?.name).toBe('Product Updates (Zoom)');

      // Keep mine: the next sync sends the planner's name over Zoom's.
      card = await renameBoth('Their second name', 'Mine at last');
      await card.getByRole('button', { name: 'Keep mine' }).click();
      await expect(card).toHaveCount(0);
      await planner.pressSyncNow('nothing asked');
      await expect(page.getByRole('status').filter({ hasText: /everything is in sync/ })).toBeVisible();
      expect((await sandbox.state()).events.find((e) => e.event_id === eventId)?.name).toBe('Mine at last');
      await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem')).not.toHaveCount(0);
    });

    test('training series with per-session registration: sessions chosen, one moved and one cancelled', async ({
      shell,
      page,
      serve,
      pageErrors,
    }) => {
      // A whole tutorial scenario, from an empty app to synced: more than one screen's test.
      test.slow();
      const planner = new Planner(page, shell);
      await planner.trySandbox();
      await useTicketTypes(serve, ticketTypes);
      await planner.newSeries();
      await planner.fillSeries({
        name: 'Git & GitHub Training Series',
        timeZone: 'America/New_York',
        startDate: '2027-01-06',
        startTime: '13:00',
        duration: 60,
        repeats: 'Weekly',
        weekdays: ['Wednesday'],
        sessions: 4,
        ticketName: 'Per-Session Ticket',
        linkName: 'Training Registration',
        registersFor: 'One session',
        publish: true,
      });
      await expect(page.getByText('Attendees register for one session;')).toBeVisible();

      // Session 3 moves to Thursday; session 4 is cancelled for a holiday.
      await planner.preview.getByRole('button', { name: 'Move session 3' }).click();
      const move = planner.preview.getByRole('form', { name: 'Move session 3' });
      await typeDate(move.getByRole('group', { name: 'New date' }), '2027-01-21');
      await move.getByRole('button', { name: 'Move session' }).click();
      await planner.preview.getByRole('button', { name: 'Cancel session 4' }).click();
      await expect(planner.preview.getByRole('listitem', { name: /^Session 3,/ })).toContainText(
        'Moved from Wed, Jan 20, 2027',
      );
      await expect(planner.preview.getByRole('listitem', { name: /^Session 4,/ })).toContainText('Cancelled');
      await expect(planner.preview).toContainText('3 sessions');
      await planner.expectSaved();

      await planner.openTab('Attendees');
      // One session must be chosen: the form says so beside the sessions.
      await page.getByRole('button', { name: 'Add attendee' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add attendee' });
      await dialog.getByLabel('Email').fill('learner@example.com');
      await dialog.getByRole('button', { name: 'Add attendee' }).click();
      await expect(dialog.getByRole('group', { name: 'Session' })).toContainText(
        'Choose the session this person attends.',
      );
      await shell.keepScreenshot('attendee-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await planner.addAttendee({ email: 'learner@example.com', first: 'Lee', sessions: [1] });
      await planner.addAttendee({ email: 'second@example.com', first: 'Sam', sessions: [3] });

      await planner.syncNow();
      await expect(page.getByText(/everything is in sync/).first()).toBeVisible();
      const zoom = await (await connectedSandbox(serve)).state();
      const event = zoom.events.find((candidate) => candidate.name === 'Git & GitHub Training Series');
      const sessions = zoom.sessions.filter((session) => session.event_id === event?.event_id);
      expect(sessions.map((session) => session.start_time)).toEqual([
        '2027-01-06T18:00:00Z',
        '2027-01-13T18:00:00Z',
        '2027-01-21T18:00:00Z',
      ]);
      const tickets = zoom.tickets.filter((ticket) => ticket.event_id === event?.event_id);
      expect(
        tickets.map((ticket) => [ticket.email, sessions.findIndex((s) => s.session_id === ticket.session_id) + 1]),
      ).toEqual([
        ['learner@example.com', 1],
        ['second@example.com', 3],
      ]);
      expect(zoom.accessLinks.find((link) => link.event_id === event?.event_id)?.recurring_registration_option).toBe(
        'single_session',
      );
      dropRefusedCalls(pageErrors);
    });
  });
}
