/**
 * How Zoom spells its OAuth scopes, as far as Cadence knows. Zoom renames them over time: classic
 * (`zoom_events_tickets:write`, `zoom_events:write:admin`), granular (`zoom_events:write:ticket`),
 * each with or without `:admin`, and `:master` for master accounts. Nothing here ever stops a
 * call: Zoom decides. It only words hints and warnings.
 */

type Access = 'read' | 'write';

/** The scopes of a token, as bases without level suffix, and the broad classic grants. */
export interface GrantedScopes {
  readonly bases: ReadonlySet<string>;
  /** `zoom_events:read[:admin]` / `zoom_events:write[:admin]`: every read or write of Zoom Events. */
  readonly broad: ReadonlySet<Access>;
}

/** A scope without its level: `zoom_events:write:event:admin` and `…:master` become `zoom_events:write:event`. */
export function scopeBase(scope: string): string {
  return scope.replace(/:(?:admin|master)$/, '');
}

/** Read or write, from a classic (`zoom_events_tickets:write`) or granular (`zoom_events:update:ticket`) name. */
function accessOf(base: string): Access | undefined {
  const verb = base.split(':')[1];
  if (verb === 'read') return 'read';
  if (verb === 'write' || verb === 'update' || verb === 'delete') return 'write';
  return undefined;
}

/** The token's space-separated `scope` string, read for matching. */
export function grantedScopes(scope: string): GrantedScopes {
  const bases = new Set(
    scope
      .split(/\s+/)
      .filter((name) => name !== '')
      .map(scopeBase),
  );
  const broad = new Set<Access>();
  for (const base of bases) {
    const access = accessOf(base);
    if (access !== undefined && base === `zoom_events:${access}`) broad.add(access);
  }
  return { bases, broad };
}

/** Whether the token seems to hold `needed` in any spelling Cadence knows. */
export function grantsScope(granted: GrantedScopes, needed: string): boolean {
  const base = scopeBase(needed);
  if (granted.bases.has(base)) return true;
  const access = accessOf(base);
  return access !== undefined && base.startsWith('zoom_events') && granted.broad.has(access);
}

/** Whether the token seems to hold any of an operation's scopes (any one of them lets it call). */
export function grantsAnyScope(granted: GrantedScopes, needed: readonly string[]): boolean {
  return needed.some((scope) => grantsScope(granted, scope));
}

/**
 * The spellings to name to a planner: one per scope of the list, the `:admin` one where the list
 * has it, because that is what a Server-to-Server OAuth app is given.
 */
export function scopesToName(scopes: readonly string[]): string[] {
  const chosen = new Map<string, string>();
  for (const scope of scopes) {
    const base = scopeBase(scope);
    const current = chosen.get(base);
    if (current === undefined || (!current.endsWith(':admin') && scope.endsWith(':admin'))) chosen.set(base, scope);
  }
  return [...chosen.values()];
}
