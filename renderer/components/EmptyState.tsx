import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What a screen shows before it has anything to list: what will be here and how it gets here. */
export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-icon">
        <Icon name={icon} />
      </div>
      <h2>{title}</h2>
      <div className="empty-body">{children}</div>
    </section>
  );
}
