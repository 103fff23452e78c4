/**
 * Control characters, and the marks that reorder text on screen, written as `\uXXXX`: names and
 * answers from outside reach the terminal as text, never as escape sequences. Line breaks stay.
 */
const unsafe = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

export function terminalSafe(text: string): string {
  return text.replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Makes every string written to `stream` terminal-safe (JSON output stays valid JSON). */
export function escapeTerminalOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = (chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest);
}
