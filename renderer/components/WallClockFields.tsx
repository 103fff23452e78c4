import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import { memo, useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { DateField, DateInput, DateSegment, FieldError, Label, TimeField } from 'react-aria-components';

interface EntryProps {
  label: string;
  /** Shown as the field's name to assistive technology only, where the row around it says what it is. */
  isLabelHidden?: boolean;
  problem?: string | undefined;
  isDisabled?: boolean;
  className?: string;
}

// A year of fewer than four digits is one still being typed (2, 20, 202 on the way to 2027).
const fullYear = 1000;

function dateOf(value: string): CalendarDate | null {
  try {
    return value === '' ? null : parseDate(value);
  } catch {
    return null;
  }
}

function timeOf(value: string): Time | null {
  try {
    return value === '' ? null : parseTime(value);
  } catch {
    return null;
  }
}

/**
 * What the field shows: the planner's typing, until the stored value changes from elsewhere
 * (another zone, a change undone), which then replaces it. The stored value is never written
 * back while the planner types, so a segment being typed is never reformatted under them.
 */
function useTyped<T>(stored: string, parse: (value: string) => T | null) {
  const [typed, setTyped] = useState<T | null>(() => parse(stored));
  const [lastStored, setLastStored] = useState(stored);
  if (stored !== lastStored) {
    setLastStored(stored);
    setTyped(parse(stored));
  }
  return [typed, setTyped] as const;
}

/**
 * The planner's latest `onCommit` behind one unchanging function: the fields below render again
 * only when what they show changes, not at every keystroke elsewhere in the form.
 */
function useSteadyCommit(onCommit: (value: string) => void): (value: string) => void {
  const latest = useRef(onCommit);
  useLayoutEffect(() => {
    latest.current = onCommit;
  });
  return useCallback((value: string) => latest.current(value), []);
}

type DateEntryProps = EntryProps & { value: string; onCommit: (date: string) => void };
type TimeEntryProps = EntryProps & { value: string; onCommit: (time: string) => void; hint?: string | undefined };

/**
 * A date typed segment by segment in the planner's own order (month/day/year in the US).
 * `onCommit` receives `YYYY-MM-DD` only for a whole date with a four-digit year: a year being
 * typed (2, 20, 202…) is never passed on, so it is never saved.
 */
export function DateEntry(props: DateEntryProps) {
  return <SteadyDateEntry {...props} onCommit={useSteadyCommit(props.onCommit)} />;
}

/** A time of day typed segment by segment in the planner's own clock; `onCommit` receives `HH:MM`. */
export function TimeEntry(props: TimeEntryProps) {
  return <SteadyTimeEntry {...props} onCommit={useSteadyCommit(props.onCommit)} />;
}

const SteadyDateEntry = memo(function SteadyDateEntry({
  label,
  isLabelHidden = false,
  problem,
  isDisabled = false,
  className,
  value,
  onCommit,
}: DateEntryProps) {
  const [typed, setTyped] = useTyped(value, dateOf);
  const [isLeft, setLeft] = useState(false);
  const isYearShort = typed !== null && typed.year < fullYear;
  const shown = problem ?? (isYearShort && isLeft ? 'Type the year in full, such as 2027.' : undefined);
  return (
    <DateField
      className={`field wall-clock-field ${className ?? ''}`}
      value={typed}
      isDisabled={isDisabled}
      isInvalid={shown !== undefined}
      validationBehavior="aria"
      shouldForceLeadingZeros
      {...(isLabelHidden ? { 'aria-label': label } : {})}
      onChange={(next) => {
        setTyped(next);
        setLeft(false);
        if (next !== null && next.year >= fullYear) onCommit(next.toString());
      }}
      onBlur={() => setLeft(true)}
    >
      {!isLabelHidden && <Label>{label}</Label>}
      <DateInput className="segments">{(segment) => <DateSegment segment={segment} />}</DateInput>
      <FieldError className="field-problem">{shown}</FieldError>
    </DateField>
  );
});

const SteadyTimeEntry = memo(function SteadyTimeEntry({
  label,
  isLabelHidden = false,
  problem,
  isDisabled = false,
  className,
  value,
  onCommit,
  hint,
}: TimeEntryProps) {
  const [typed, setTyped] = useTyped(value, timeOf);
  const hintId = useId();
  return (
    <TimeField
      className={`field wall-clock-field ${className ?? ''}`}
      value={typed}
      isDisabled={isDisabled}
      isInvalid={problem !== undefined}
      validationBehavior="aria"
      shouldForceLeadingZeros
      {...(isLabelHidden ? { 'aria-label': label } : {})}
      {...(hint === undefined ? {} : { 'aria-describedby': hintId })}
      onChange={(next) => {
        setTyped(next);
        if (next !== null) onCommit(next.toString().slice(0, 5));
      }}
    >
      {!isLabelHidden && <Label>{label}</Label>}
      <DateInput className="segments">{(segment) => <DateSegment segment={segment} />}</DateInput>
      {hint !== undefined && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError className="field-problem">{problem}</FieldError>
    </TimeField>
  );
});
