import { useEffect, useState } from 'react';
import type { ZoomPages as Pages } from '../../../shared/zoom/zoomPages';
import { useAppStore } from '../../stores/useAppStore';

/**
 * Where a synced series lives on Zoom: its hub, the registration link to share and the event's
 * page, each shown once Zoom has given it, to open or copy.
 */
export function ZoomPages({ seriesId }: { seriesId: string }) {
  const api = useAppStore((state) => state.api);
  const [pages, setPages] = useState<Pages>();
  useEffect(() => {
    let isCurrent = true;
    if (api !== undefined)
      void api.drafts.zoomPages({ id: seriesId }).then((result) => {
        if (isCurrent && result.ok) setPages(result.value);
      });
    return () => {
      isCurrent = false;
    };
  }, [api, seriesId]);
  if (pages === undefined) return null;
  const { hub_name: hubName, registration_url: registrationUrl, event_url: eventUrl } = pages;
  if (hubName === null && registrationUrl === null && eventUrl === null) return null;
  return (
    <section className="zoom-pages" aria-label="On Zoom">
      <dl className="facts">
        {hubName !== null && (
          <>
            <dt>Hub</dt>
            <dd>{hubName}</dd>
          </>
        )}
        {registrationUrl !== null && (
          <>
            <dt>Registration link</dt>
            <dd>
              <PageAddress url={registrationUrl} name="registration link" />
            </dd>
          </>
        )}
        {eventUrl !== null && (
          <>
            <dt>Event page</dt>
            <dd>
              <PageAddress url={eventUrl} name="event page" />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** An address to open in the browser or copy, with the outcome of copying said aloud. */
export function PageAddress({ url, name }: { url: string; name: string }) {
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <span className="page-address">
      <a href={url} target="_blank" rel="noreferrer noopener" aria-label={`Open the ${name}`}>
        {url}
      </a>
      <button type="button" className="button-quiet" aria-label={`Copy the ${name}`} onClick={() => void copy()}>
        Copy
      </button>
      <span className="muted" aria-live="polite">
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Could not copy: select the address instead.' : ''}
      </span>
    </span>
  );
}
