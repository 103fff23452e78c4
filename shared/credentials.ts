import { z } from 'zod';

const idText = (what: string) =>
  z
    .string({ error: `${what} is text.` })
    .trim()
    .min(1, { error: `${what} cannot be empty.` })
    .max(200, { error: `${what} is at most 200 characters.` })
    .regex(/^\S*$/, { error: `${what} has no spaces; copy it again from the Zoom App Marketplace.` });

/**
 * The Server-to-Server OAuth credentials of a Zoom app. The secret never leaves main: not to the
 * renderer, the database or a log line.
 */
export const zoomCredentialsSchema = z.strictObject({
  account_id: idText('The account ID'),
  client_id: idText('The client ID'),
  client_secret: idText('The client secret'),
});
export type ZoomCredentials = z.output<typeof zoomCredentialsSchema>;

/**
 * Where credentials came from: the OS keychain, the environment of an unattended run, or the
 * built-in sandbox (whose credentials are not secret and live in the settings table).
 */
export type CredentialSource = 'keychain' | 'environment' | 'sandbox';
