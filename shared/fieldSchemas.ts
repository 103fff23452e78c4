import { z } from 'zod';

/** Control characters (terminal escapes, NUL); line breaks and tabs are allowed where `allowingLines`. */
const controlCharacter = /\p{Cc}/u;
const controlCharacterButLines = /(?![\n\r\t])\p{Cc}/u;
/** Something a reader can see: not only spaces, zero-width and other format characters. */
const visibleCharacter = /[^\p{White_Space}\p{Cf}\p{Cc}]/u;

/** Text a planner types as a name: trimmed, required, visible, at most `max` characters, one line. */
export function requiredText(what: string, max: number) {
  return z
    .string({ error: `${what} is text.` })
    .trim()
    .min(1, { error: `${what} cannot be empty.` })
    .max(max, { error: `${what} is at most ${max} characters.` })
    .refine((text) => text.length === 0 || visibleCharacter.test(text), { error: `${what} cannot be empty.` })
    .refine((text) => !controlCharacter.test(text), {
      error: `${what} cannot contain control characters (such as escape sequences or line breaks).`,
    });
}

/** Optional text with Zoom's length limit; an empty string is kept as written. Lines and tabs are allowed. */
export function optionalText(what: string, max: number) {
  return z
    .string({ error: `${what} is text.` })
    .trim()
    .max(max, { error: `${what} is at most ${max} characters.` })
    .refine((text) => !controlCharacterButLines.test(text), {
      error: `${what} cannot contain control characters (such as escape sequences).`,
    })
    .optional();
}

/** An email address as Zoom takes it for a ticket (at most 128 characters). */
export const emailSchema = z
  .string({ error: 'Write an email address, such as jane.doe@example.com.' })
  .trim()
  .max(128, { error: 'An email address is at most 128 characters.' })
  .pipe(z.email({ error: 'Write an email address, such as jane.doe@example.com.' }));

/** An enum whose values a planner may write in any case (Zoom's tutorials write "VIRTUAL"). */
export function caseInsensitiveEnum<const Values extends readonly [string, ...string[]]>(
  values: Values,
  message: string,
) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(values, { error: message }),
  );
}

/** Drops null-valued fields: in a draft, null means "not set". */
export function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
}

/** A strict object in which null means "not set"; unknown fields are refused one by one. */
export function draftObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, message: string) {
  return z.preprocess(withoutNulls, z.strictObject(shape, { error: message }));
}
