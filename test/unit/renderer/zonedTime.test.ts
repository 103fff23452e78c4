import { describe, expect, it } from 'vitest';
import { describeJump, formatDayRange, instantOfWallClock, skippedTime } from '../../../renderer/lib/zonedTime';

function skipped(date: string, time: string, zone: string) {
  return skippedTime(time, instantOfWallClock(date, time, zone) ?? '', zone);
}

describe('a wall-clock time the clocks skip', () => {
  it('moves forward by the gap, and names the jump that skipped it', () => {
    const newYork = skipped('2027-03-14', '02:30', 'America/New_York');
    expect(newYork).toEqual({ intended: '02:30', actual: '03:30', jumpAt: '02:00', jumpMinutes: 60 });
    expect(newYork === undefined ? '' : describeJump(newYork)).toMatch(/^the clocks go forward an hour at 2:00\sAM$/);
  });

  it('says how long a jump of other than an hour is (Lord Howe Island moves half an hour)', () => {
    const lordHowe = skipped('2027-10-03', '02:15', 'Australia/Lord_Howe');
    expect(lordHowe).toEqual({ intended: '02:15', actual: '02:45', jumpAt: '02:00', jumpMinutes: 30 });
    expect(lordHowe === undefined ? '' : describeJump(lordHowe)).toMatch(/forward 30 minutes at 2:00/);
  });

  it('is nothing for a time that exists, the repeated hour of a fall-back included', () => {
    expect(skipped('2027-03-14', '03:30', 'America/New_York')).toBeUndefined();
    expect(skipped('2027-11-07', '01:30', 'America/New_York')).toBeUndefined();
    expect(skipped('2027-03-13', '02:30', 'America/New_York')).toBeUndefined();
  });
});

describe('the days a part of a long series spans', () => {
  it('names the year once within one year, and both years across the new year, in the series zone', () => {
    expect(formatDayRange('2027-01-04T14:30:00Z', '2027-03-26T13:30:00Z', 'America/New_York')).toBe(
      'Mon, Jan 4 – Fri, Mar 26, 2027',
    );
    // Sixty Thursdays from 7 January 2027 end in February 2028, not seven weeks later.
    expect(formatDayRange('2027-01-07T15:00:00Z', '2028-02-24T15:00:00Z', 'Europe/London')).toBe(
      'Thu, Jan 7, 2027 – Thu, Feb 24, 2028',
    );
    // 23:30 UTC on 31 December is already New Year's Day in Sydney.
    expect(formatDayRange('2027-06-01T00:00:00Z', '2027-12-31T23:30:00Z', 'Australia/Sydney')).toBe(
      'Tue, Jun 1, 2027 – Sat, Jan 1, 2028',
    );
  });
});
