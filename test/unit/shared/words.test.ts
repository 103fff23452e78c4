import { describe, expect, it } from 'vitest';
import { agree, plural, someOf } from '../../../shared/words';

describe('words for counts', () => {
  it('puts the noun and the verb in the number of the count', () => {
    expect(`${plural(1, 'row')} with problems ${agree(1, 'was', 'were')} left out`).toBe(
      '1 row with problems was left out',
    );
    expect(`${plural(20_000, 'row')} with problems ${agree(20_000, 'was', 'were')} left out`).toBe(
      '20,000 rows with problems were left out',
    );
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });

  it('names the first few of a group and counts the rest', () => {
    expect(someOf(['Ada'])).toBe('Ada');
    expect(someOf(['Ada', 'Bo'])).toBe('Ada and Bo');
    expect(someOf(['Ada', 'Bo', 'Cy', 'Di'])).toBe('Ada, Bo, Cy and Di');
    expect(someOf(['Ada', 'Bo', 'Cy', 'Di', 'Ed'], 120)).toBe('Ada, Bo, Cy and 117 more');
  });
});
