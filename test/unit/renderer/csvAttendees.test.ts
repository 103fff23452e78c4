import { describe, expect, it } from 'vitest';
import { attendeesFromRows, guessColumns, parseCsv } from '../../../renderer/lib/csvAttendees';

describe('CSV attendees', () => {
  it('parses quoted cells, a byte-order mark and blank lines', () => {
    const table = parseCsv('\uFEFFEmail,Name,Notes\r\nada@example.com,"Lovelace, Ada","said ""hi"""\r\n\r\n');
    expect(table.header).toEqual(['Email', 'Name', 'Notes']);
    expect(table.rows).toEqual([['ada@example.com', 'Lovelace, Ada', 'said "hi"']]);
    expect(table.problems).toEqual([]);
  });

  it('guesses columns from common headings, each field once', () => {
    expect(
      guessColumns(['E-mail', 'First Name', 'Surname', 'Company', 'Sessions', 'Email', 'Favourite colour']),
    ).toEqual(['email', 'first_name', 'last_name', 'organization', 'occurrences', 'skip', 'skip']);
  });

  it('builds attendees from mapped columns, reading session lists and leaving bad ones for the checks', () => {
    const rows = [
      ['ada@example.com', 'Ada', '1; 3'],
      ['bob@example.com', '', 'two'],
    ];
    expect(attendeesFromRows(rows, ['email', 'first_name', 'occurrences'])).toEqual([
      { email: 'ada@example.com', first_name: 'Ada', occurrences: [1, 3] },
      { email: 'bob@example.com', occurrences: ['two'] },
    ]);
  });
});
