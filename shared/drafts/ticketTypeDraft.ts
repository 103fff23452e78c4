import { z } from 'zod';
import { draftObject, optionalText, requiredText } from '../fieldSchemas';
import { utcInstantSchema } from '../recurrence/recurrenceSchema';

/** A price as Zoom takes it: a decimal string with at most two decimals ("0", "49.99"). */
const priceSchema = z
  .union([z.string().trim(), z.number()], { error: 'Write the price as a number, such as 49.99.' })
  .transform((value) => (typeof value === 'number' ? String(value) : value))
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, { error: 'Write the price as a number, such as 49.99.' }));

/**
 * The ticket type a series sells or gives away. Zoom requires one before an event can be
 * published, even for free events. Omitted `currency` and sale window get Zoom's required values
 * when the request is made (see `ticketTypeBody`).
 */
export const ticketTypeDraftSchema = draftObject(
  {
    name: requiredText('The ticket name', 200),
    description: optionalText('The ticket description', 2000),
    free: z.boolean({ error: 'free is true or false.' }).default(true),
    price: priceSchema.optional(),
    quantity: z
      .number({ error: 'The number of tickets is a whole number.' })
      .int({ error: 'The number of tickets is a whole number.' })
      .min(1, { error: 'Offer at least 1 ticket.' })
      .optional(),
    currency: z
      .string({ error: 'Write the currency as a three-letter code, such as USD.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: 'Write the currency as a three-letter code, such as USD.' })
      .default('USD'),
    start_time: utcInstantSchema.optional(),
    end_time: utcInstantSchema.optional(),
  },
  'Describe the ticket type: {"name", "free", "quantity"}.',
).superRefine((ticket, ctx) => {
  if (ticket.free && ticket.price !== undefined && Number(ticket.price) !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['price'],
      message: 'A free ticket has no price. Remove the price or set "free": false.',
    });
  }
  if (!ticket.free && (ticket.price === undefined || Number(ticket.price) === 0)) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'A paid ticket needs a price above 0.' });
  }
  if (ticket.start_time !== undefined && ticket.end_time !== undefined && ticket.end_time <= ticket.start_time) {
    ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'Ticket sales must end after they start.' });
  }
});

export type TicketTypeDraft = z.output<typeof ticketTypeDraftSchema>;
