/**
 * The one Content-Security-Policy for the renderer, whichever host serves it (the Electron
 * protocol handler, `cadence serve`, and the `<meta>` tag in the built page). Only the app's own
 * scripts (and their WebAssembly), styles and API; no inline code, no remote content, no framing.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  // The webcam's QR reader is WebAssembly served by the app itself; this allows compiling it, not eval.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
};

function serialize(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

/** The policy as a response header. */
export const contentSecurityPolicy = serialize(contentSecurityPolicyDirectives);

/** The policy for a `<meta>` tag, where browsers ignore `frame-ancestors` (and warn about it). */
export const metaContentSecurityPolicy = serialize(
  Object.fromEntries(
    Object.entries(contentSecurityPolicyDirectives).filter(([directive]) => directive !== 'frame-ancestors'),
  ),
);
