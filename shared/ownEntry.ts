/**
 * A table's own entry for a key that came from outside: "constructor" or "__proto__" then find
 * nothing, where a plain lookup would find what every object inherits.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
