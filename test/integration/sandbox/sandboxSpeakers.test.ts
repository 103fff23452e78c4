import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZoomApiError } from '../../../main/zoom/zoomErrors';
import { sandboxHarness, weeklyStandupBody, type SandboxHarness } from '../../support/sandbox';

// The sandbox keeps an event's speakers and registration form as Zoom's console makes them, over
// HTTP through Zoom's own operations, for Cadence to read.
let harness: SandboxHarness;
beforeEach(async () => {
  harness = await sandboxHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('speakers and registration questions on the sandbox', () => {
  it('adds speakers, refusing a second one with the same email as Zoom does, and lists them', async () => {
    const { event_id: eventId } = await harness.client.api.createEvent(weeklyStandupBody);
    const add = (name: string, email: string) =>
      harness.client.transport.call('createSpeaker', { params: { eventId }, body: { name, email } });
    await add('Grace Hopper', 'grace@example.com');
    await expect(add('Grace H.', 'GRACE@example.com')).rejects.toMatchObject({ status: 400, zoomCode: 1003 });
    const speakers = await harness.client.api.listSpeakers(eventId);
    expect(speakers.map((speaker) => [speaker.name, speaker.email])).toEqual([['Grace Hopper', 'grace@example.com']]);
    expect(speakers[0]?.speaker_id).toMatch(/^p/);
  });

  it('replaces the registration form and reads it back with an ID for each question', async () => {
    const { event_id: eventId } = await harness.client.api.createEvent(weeklyStandupBody);
    expect(await harness.client.api.getRegistrationQuestions(eventId)).toMatchObject({
      questions: [],
      custom_questions: [],
    });
    await harness.client.transport.call('updateRegistrationQuestionsForEvent', {
      params: { eventId },
      body: {
        questions: [{ field_name: 'organization_size', required: false }],
        custom_questions: [{ title: 'What is your role?', type: 'short_answer', required: true }],
      },
    });
    const form = await harness.client.api.getRegistrationQuestions(eventId);
    expect(form.questions.map((q) => q.field_name)).toEqual(['organization_size']);
    expect(form.custom_questions.map((q) => [q.title, q.required])).toEqual([['What is your role?', true]]);
    expect(form.custom_questions[0]?.question_id).toMatch(/^q/);
  });

  it("answers Zoom's missing-scope refusal to a token without the speakers scope", async () => {
    const { event_id: eventId } = await harness.client.api.createEvent(weeklyStandupBody);
    await harness.control.setFaults({ scopes: ['zoom_events_basic:read'] });
    await harness.control.expireTokens();
    const refusal = await harness.client.api.listSpeakers(eventId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ZoomApiError);
    expect((refusal as ZoomApiError).missingScopes.join(' ')).toMatch(/speakers/);
  });
});
