import { describe, expect, it } from 'vitest';
import { blockedOperations } from '../../../../main/db/outbox/blocking';

const op = (id: number, key: string, dependsOn: string[], state: 'pending' | 'in_flight' | 'done' = 'pending') => ({
  id,
  seriesId: 's1',
  key,
  dependsOn,
  state,
});

describe('blocked operations', () => {
  it('blocks what waits on a held key, and what waits on that, however far down', () => {
    const operations = [
      op(1, 'ticket_type', ['event']),
      op(2, 'access_link', ['ticket_type']),
      op(3, 'publish', ['event', 'ticket_type', 'access_link']),
      op(4, 'ticket:a', ['event', 'ticket_type', 'access_link', 'publish']),
      op(5, 'session:2', ['event.fields']),
      op(6, 'event.fields', []),
    ];
    expect(blockedOperations(operations, new Map([['s1', new Set(['event'])]]))).toEqual(new Set([1, 2, 3, 4]));
    expect(blockedOperations(operations, new Map([['s1', new Set(['access_link'])]]))).toEqual(new Set([3, 4]));
  });

  it('blocks nothing of another series, nor anything without a held key', () => {
    const operations = [op(1, 'ticket_type', ['event'])];
    expect(blockedOperations(operations, new Map([['s2', new Set(['event'])]]))).toEqual(new Set());
    expect(blockedOperations(operations, new Map())).toEqual(new Set());
  });
});
