import { describe, expect, it } from 'vitest';
import { matchAttendance, type AttendanceSpan } from '../../../../shared/reports/attendanceMatch';

// Two back-to-back sessions and one a week later: 10:00–10:30, 10:30–11:00, and the 8th 10:00–10:30.
const sessions = [
  { sessionId: 's1', startTime: '2027-01-01T10:00:00Z', endTime: '2027-01-01T10:30:00Z' },
  { sessionId: 's2', startTime: '2027-01-01T10:30:00Z', endTime: '2027-01-01T11:00:00Z' },
  { sessionId: 's3', startTime: '2027-01-08T10:00:00Z', endTime: '2027-01-08T10:30:00Z' },
];
const at = (time: string) => `2027-01-01T${time}:00Z`;
const record = (email: string, joined: string | null, left: string | null, minutes?: number): AttendanceSpan => ({
  email,
  joinedAt: joined === null ? null : at(joined),
  leftAt: left === null ? null : at(left),
  minutes: minutes ?? null,
});
const people = (records: AttendanceSpan[], tolerance?: number) => {
  const match = matchAttendance(sessions, records, tolerance);
  return {
    s1: [...(match.bySession.get('s1') ?? [])].sort(),
    s2: [...(match.bySession.get('s2') ?? [])].sort(),
    s3: [...(match.bySession.get('s3') ?? [])].sort(),
    unmatched: match.unmatched,
  };
};

describe('placing attendance in sessions by time', () => {
  it('counts a person once per session however often they joined, whatever the case of their email', () => {
    expect(
      people([
        record('Ada@x.org', '10:01', '10:10'),
        record('ada@x.org', '10:15', '10:29'),
        record('b@x.org', '10:05', '10:20'),
      ]),
    ).toEqual({ s1: ['ada@x.org', 'b@x.org'], s2: [], s3: [], unmatched: 0 });
  });

  it('counts someone who stayed through back-to-back sessions in both, and touching edges in neither', () => {
    expect(people([record('a@x.org', '10:10', '10:50'), record('b@x.org', '10:30', '10:45')])).toEqual({
      s1: ['a@x.org'],
      s2: ['a@x.org', 'b@x.org'],
      s3: [],
      unmatched: 0,
    });
  });

  it('places a record outside every session in the nearest one within the tolerance, else leaves it out', () => {
    expect(
      people([
        record('early@x.org', '09:50', '09:58'),
        record('late@x.org', '11:05', '11:10'),
        record('far@x.org', '12:00', '12:30'),
      ]),
    ).toEqual({ s1: ['early@x.org'], s2: ['late@x.org'], s3: [], unmatched: 1 });
    expect(people([record('early@x.org', '09:50', '09:58')], 1)).toMatchObject({ s1: [], unmatched: 1 });
  });

  it('lasts a record without a leave time its minutes, or an instant at its join', () => {
    expect(people([record('a@x.org', '10:25', null, 20), record('b@x.org', '10:40', null)])).toEqual({
      s1: ['a@x.org'],
      s2: ['a@x.org', 'b@x.org'],
      s3: [],
      unmatched: 0,
    });
  });

  it('leaves out records without a join, leaving before joining, or without an email', () => {
    expect(
      people([record('a@x.org', null, '10:20'), record('b@x.org', '10:20', '10:10'), record(' ', '10:05', '10:10')]),
    ).toMatchObject({ s1: [], unmatched: 3 });
  });

  it('keeps the weeks apart: a record of the next week is that session’s', () => {
    const match = matchAttendance(sessions, [
      { email: 'a@x.org', joinedAt: '2027-01-08T10:02:00Z', leftAt: '2027-01-08T10:28:00Z' },
    ]);
    expect([...(match.bySession.get('s3') ?? [])]).toEqual(['a@x.org']);
    expect(match.bySession.get('s1')?.size).toBe(0);
  });
});
