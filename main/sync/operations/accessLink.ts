import { z } from 'zod';
import { registrationDraftSchema } from '../../../shared/drafts/registrationDraft';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import { changedFields, isEmpty, type SeriesZoomState } from '../../../shared/outbox/planOperations';
import { accessLinkBody } from '../../../shared/zoom/draftToZoom';
import { mergeItem } from './itemMerge';
import { operationKind } from './operation';
import { ticketTypeKey } from './ticketType';
import { changedFieldWords } from './words';

export const accessLinkKey = 'access_link';

/** The link's fields compared with Zoom, by the draft's names. */
export const linkFields = ['link_name', 'authentication_method'];

const targetOf = (operation: string, zoomId: string | undefined) =>
  ({ item: 'access_link', operation, ...(zoomId === undefined ? {} : { zoom_id: zoomId }) }) as const;

/** The registration access link, created once the ticket type exists. */
export const accessLinkCreate = operationKind({
  kind: 'access_link.create',
  payload: z.object({ registration: registrationDraftSchema }),
  batchSize: 1,
  sentence: (series, [first]) =>
    `Create the registration link "${first?.registration.link_name ?? ''}" for "${series.name}"`,
  describe: (payload) => `creating the registration link "${payload.registration.link_name}"`,
  target: (_, links) => targetOf('access_link.create', links.accessLinkId),
  async step(ctx, series, [op]) {
    const { eventId, ticketTypeId } = series.links;
    if (op === undefined || series.draft === undefined || eventId === undefined || ticketTypeId === undefined) return;
    const registration = op.payload.registration;
    const body = accessLinkBody(registration, series.draft.event_type, ticketTypeId);
    await ctx.exactlyOnce(
      op,
      async () => (await ctx.api.createAccessLink(eventId, body)).access_link_id,
      async () => (await ctx.api.listAccessLinks(eventId)).find((link) => link.name === body.name)?.access_link_id,
      (id) => {
        ctx.outbox.records.accessLinkSynced(op.id, series.seriesId, id, registration);
        series.links.accessLinkId = id;
      },
    );
  },
});

export const accessLinkUpdate = operationKind({
  kind: 'access_link.update',
  payload: z.object({ changes: z.record(z.string(), z.unknown()) }),
  batchSize: 1,
  sentence: (series, [first]) =>
    `Update the registration link of "${series.name}"${changedFieldWords(first?.changes ?? {})}`,
  describe: () => 'updating the registration link',
  target: (_, links) => targetOf('access_link.update', links.accessLinkId),
  async step(ctx, series, [op]) {
    const { eventId, accessLinkId } = series.links;
    const local = series.draft?.registration;
    if (op === undefined || local === undefined || eventId === undefined || accessLinkId === undefined) return;
    const link = await ctx.call(() => ctx.api.getAccessLink(eventId, accessLinkId));
    await mergeItem(ctx, series, op, {
      table: 'registration_link',
      what: 'registration link',
      draftField: 'registration',
      target: targetOf('access_link.update', accessLinkId),
      fields: linkFields,
      local: local,
      remote: { link_name: link.name, authentication_method: link.authentication_method },
      push: async (changes) => {
        const body: Record<string, unknown> = {};
        if ('link_name' in changes) body.name = changes.link_name;
        if ('authentication_method' in changes) body.authentication_method = changes.authentication_method;
        await ctx.call(() => ctx.api.updateAccessLink(eventId, accessLinkId, body));
      },
    });
  },
});

/** The link's operation for a draft: create it once there is a ticket type, or update what changed. */
export function planAccessLink(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  const registration = draft?.registration;
  if (registration === undefined || draft?.ticket_type === undefined) return [];
  if (zoom.accessLinkId === undefined) {
    return [{ key: accessLinkKey, kind: accessLinkCreate.kind, payload: { registration }, dependsOn: [ticketTypeKey] }];
  }
  const changes = changedFields(registration, zoom.accessLinkBase ?? registration);
  return isEmpty(changes)
    ? []
    : [{ key: 'access_link.fields', kind: accessLinkUpdate.kind, payload: { changes }, dependsOn: [] }];
}
