import { memo } from 'react';
import { allTimeZones } from '../lib/zonedTime';

/**
 * The options of a time-zone picker: every zone the browser knows, and `current` first when it
 * knows it under another name. Memoised: its 400-odd options are not rendered again per keystroke.
 */
export const ZoneOptions = memo(function ZoneOptions({ current }: { current?: string | undefined }) {
  const zones = allTimeZones();
  return (
    <>
      {current !== undefined && current !== '' && !zones.includes(current) && (
        <option value={current}>{current}</option>
      )}
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </>
  );
});
