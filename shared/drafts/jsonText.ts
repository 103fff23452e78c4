import { tokenize } from '@humanwhocodes/momoa';
import { formatIssuePath, type Issue } from '../ipc/envelope';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string; issues: Issue[] };

const byteOrderMark = '\uFEFF';

interface Scope {
  /** The keys seen so far in an object; undefined in an array. */
  keys?: Set<string>;
  /** The next element's index in an array, or the key being read in an object. */
  at: string | number;
  expectsKey: boolean;
}

/**
 * The JSON keys given twice in one object, with the path of the second: JSON.parse would keep the
 * last one silently, and a planner who wrote both meant one of them.
 */
function repeatedKeys(text: string): Issue[] {
  const issues: Issue[] = [];
  const stack: Scope[] = [];
  const pathOf = (key: string | number) => formatIssuePath([...stack.slice(0, -1).map((scope) => scope.at), key]);
  for (const token of tokenize(text)) {
    const scope = stack.at(-1);
    switch (token.type) {
      case 'LBrace':
        stack.push({ keys: new Set(), at: '', expectsKey: true });
        break;
      case 'LBracket':
        stack.push({ at: 0, expectsKey: false });
        break;
      case 'RBrace':
      case 'RBracket':
        stack.pop();
        break;
      case 'Comma':
        if (scope?.keys !== undefined) scope.expectsKey = true;
        else if (scope !== undefined && typeof scope.at === 'number') scope.at += 1;
        break;
      case 'String':
        if (scope?.keys !== undefined && scope.expectsKey) {
          const key = JSON.parse(text.slice(token.loc.start.offset, token.loc.end.offset)) as string;
          if (scope.keys.has(key)) {
            issues.push({ path: pathOf(key), message: `The field "${key}" is given twice here; keep one.` });
          }
          scope.keys.add(key);
          scope.at = key;
          scope.expectsKey = false;
        }
        break;
      default:
        break;
    }
  }
  return issues;
}

/**
 * A JSON document a planner wrote: a leading byte-order mark is accepted, invalid JSON and keys
 * given twice are refused with where they are.
 */
export function parseJsonText(text: string, what: string): JsonTextResult {
  const body = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'not JSON';
    return { ok: false, message: `${what} is not valid JSON.`, issues: [{ path: '', message: detail }] };
  }
  const repeated = repeatedKeys(body);
  if (repeated.length > 0) {
    return { ok: false, message: `${what} gives a field twice in the same place.`, issues: repeated };
  }
  return { ok: true, value };
}
