import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type FocusEvent, type ReactNode } from 'react';
import type { PreviewSession } from '../../lib/schedulePreview';
import { formatDay } from '../../lib/zonedTime';

/** A row's height before it is measured: a day, then its time with the planner's own beside it, wrapped. */
const estimatedRowHeight = 80;
/** Matches the rows' spacing in the stylesheet (`--space-1`). */
const rowGap = 4;
/** Rows kept rendered beyond each edge, so Tab and Shift+Tab reach a row before it scrolls in. */
const overscan = 3;

/** Where the sessions' key comes from: the same session at the same time keeps its row. */
const sessionKey = (session: PreviewSession) => `${String(session.occurrence)}-${session.start_time}`;

/**
 * The preview's sessions as a list that renders only the rows in view (and a few around them),
 * so a keystroke that adds or removes sessions costs the same for 6 sessions or 600. Each row
 * still says where it is ("Session 3 of 60" to a screen reader); a row that holds focus or an
 * open form (see `onHold`) stays rendered while it is scrolled away, so neither is lost.
 * Rows out of view are not in the page: find-in-page and printing see the rows on screen.
 */
export function SessionsList({
  sessions,
  timezone,
  renderSession,
  label = 'Sessions preview',
  itemName = 'Session',
}: {
  sessions: PreviewSession[];
  timezone: string;
  /** The list's name, and what each row is called ("Session 3, …"), for assistive technology. */
  label?: string;
  itemName?: string;
  /** A row's content; `onHold(occurrence, true)` while the row has a form open, `false` when it closes. */
  renderSession: (session: PreviewSession, onHold: (occurrence: number, isHeld: boolean) => void) => ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Read by the range at each scroll: changing them needs no render of their own.
  const held = useRef(new Set<number>());
  const focused = useRef<number>(undefined);
  const onHold = useCallback((occurrence: number, isHeld: boolean) => {
    if (isHeld) held.current.add(occurrence);
    else held.current.delete(occurrence);
  }, []);
  const rangeExtractor = useCallback((range: Range) => {
    const kept = [...held.current, ...(focused.current === undefined ? [] : [focused.current])]
      .map((occurrence) => occurrence - 1)
      .filter((index) => index < range.count);
    const shown = defaultRangeExtractor(range);
    return kept.length === 0 ? shown : [...new Set([...shown, ...kept])].sort((a, b) => a - b);
  }, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, as it requires
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: useCallback(
      (index: number) => {
        const session = sessions[index];
        return session === undefined ? index : sessionKey(session);
      },
      // The same list while no schedule field changed: the rows' measurements are kept.
      [sessions],
    ),
    gap: rowGap,
    overscan,
    rangeExtractor,
  });
  const occurrenceOf = (target: EventTarget | null) =>
    target instanceof Element ? Number(target.closest('li')?.dataset.occurrence ?? Number.NaN) : Number.NaN;
  const onFocus = (event: FocusEvent) => {
    const occurrence = occurrenceOf(event.target);
    focused.current = Number.isNaN(occurrence) ? undefined : occurrence;
  };
  const onBlur = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
      focused.current = undefined;
  };
  return (
    <div ref={scroller} className="sessions-scroll" data-testid="sessions-scroll">
      <ol
        className="sessions"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const session = sessions[item.index];
          if (session === undefined) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-occurrence={session.occurrence}
              className={`session session-${session.status}`}
              aria-label={`${itemName} ${String(session.occurrence)}, ${formatDay(session.start_time, timezone)}`}
              aria-setsize={sessions.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${String(item.start)}px)` }}
            >
              {renderSession(session, onHold)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
