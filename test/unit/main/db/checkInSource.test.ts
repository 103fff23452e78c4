import { describe, expect, it } from 'vitest';
import { batchSource, deskOfSource } from '../../../../main/db/checkInUploads';

describe("a check-in batch's source on Zoom", () => {
  it('names the desk and the batch, and the desk is read back from it', () => {
    const source = batchSource('Door B', '4f2a9c01de77');
    expect(source).toBe('Door B · 4f2a9c01de77');
    expect(deskOfSource(source)).toBe('Door B');
    // A desk name may itself hold the separator: the batch is what follows the last one.
    expect(deskOfSource(batchSource('Hall · East', 'ab12'))).toBe('Hall · East');
  });

  it("takes another system's source as the desk, and none when Zoom gives none", () => {
    expect(deskOfSource('Console-1')).toBe('Console-1');
    expect(deskOfSource('  ')).toBeNull();
    expect(deskOfSource(undefined)).toBeNull();
  });
});
