import type { KeptOnZoomItem } from '../../../shared/zoom/zoomCatalog';

const kindWords: Readonly<Record<KeptOnZoomItem['kind'], string>> = {
  ticket_type: 'Ticket type',
  access_link: 'Registration link',
  speaker: 'Speaker',
  question: 'Registration question',
  session: 'Session',
  other: 'On Zoom',
};

/** What Cadence leaves on Zoom untouched, each with what it is and why; nothing when there is none. */
export function KeptOnZoomList({ items, label }: { items: readonly KeptOnZoomItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="kept-on-zoom" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}:${item.zoom_id ?? item.name}`}>
          <span className="badge">{kindWords[item.kind]}</span> <strong>{item.name}</strong>
          <span className="muted"> — {item.reason}</span>
        </li>
      ))}
    </ul>
  );
}
