/** What a scanner or camera read, taken apart into what may name a person. */
export interface ScanParts {
  /** The text as read, trimmed: a ticket ID, an email or a QR code's whole URL. */
  whole: string;
  /** Pieces of it that may be a ticket ID (path segments, query values). */
  pieces: string[];
  /** Email addresses inside it, lower-cased. */
  emails: string[];
}

const emailPattern = /[^\s@/?&=#:;,<>"']+@[^\s@/?&=#:;,<>"']+\.[^\s@/?&=#:;,<>"']+/g;
const maxPieces = 32;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Splits a scan into the pieces worth looking up. A Zoom badge's QR code is a URL whose query
 * carries the ticket; other systems print the ticket ID or the email alone, or inside a link.
 */
export function scanParts(text: string): ScanParts {
  const whole = text.trim();
  const plain = decoded(whole);
  const pieces = [...new Set(plain.split(/[\s/?&=#:;,]+/).filter((piece) => piece.length > 0))].slice(0, maxPieces);
  const emails = [...new Set([...plain.matchAll(emailPattern)].map((match) => match[0].toLowerCase()))].slice(
    0,
    maxPieces,
  );
  return { whole, pieces, emails };
}
