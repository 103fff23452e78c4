import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/export/exportFile';
import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import type { IpcError } from '../../../shared/ipc/envelope';
import { saveTextFile } from '../../lib/saveTextFile';

/** The formats as the menu offers them, in its order. */
export const exportChoices: readonly { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV (sessions)' },
  { format: 'attendees_csv', label: 'CSV (attendees)' },
  { format: 'ics', label: 'Calendar (.ics)' },
  { format: 'series', label: 'Series file' },
];

interface Props {
  api: CadenceApi;
  /** The series to export; absent, every series. */
  seriesIds?: string[];
  /** The button's accessible name, saying what is exported ("Export Weekly Standup"). */
  label: string;
  /** Runs first: the editor saves what it has not saved yet, so that the file holds it. */
  beforeExport?: () => Promise<unknown>;
}

/**
 * "Export": a button that shows the formats (a disclosure, closed by Escape, a click elsewhere or
 * a choice); the chosen series are saved as the check-in CSV is.
 */
export function ExportMenu({ api, seriesIds, label, beforeExport }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<IpcError>();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const listId = useId();

  // The formats open under the button's right edge; where that would run past the page's left
  // edge (the button starts a line of the series' header), under its left edge instead.
  useLayoutEffect(() => {
    const element = popover.current;
    if (!isOpen || element === null) return;
    const page = element.closest('main') ?? document.documentElement;
    const isCut = element.getBoundingClientRect().left < page.getBoundingClientRect().left;
    element.classList.toggle('menu-popover-start', isCut);
  }, [isOpen]);

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || root.current?.contains(event.target) !== true) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  const exportAs = async (format: ExportFormat) => {
    setOpen(false);
    setError(undefined);
    await beforeExport?.();
    const result = await api.export.file({ format, ...(seriesIds === undefined ? {} : { seriesIds }) });
    if (result.ok) saveTextFile(result.value.file_name, result.value.content, result.value.media_type);
    else setError(result.error);
  };

  return (
    <span className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button-quiet"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen(!isOpen)}
      >
        Export ▾
      </button>
      {isOpen && (
        <div className="menu-popover" id={listId} ref={popover}>
          <ul className="menu-list" aria-label={label}>
            {exportChoices.map((choice) => (
              <li key={choice.format}>
                <button type="button" className="menu-item" onClick={() => void exportAs(choice.format)}>
                  {choice.label}
                </button>
              </li>
            ))}
          </ul>
          <p className="menu-note">A calendar entry is not a registration: attendees still register on Zoom.</p>
        </div>
      )}
      {error !== undefined && (
        <span className="export-error" role="alert">
          Not exported: {error.message}
        </span>
      )}
    </span>
  );
}
