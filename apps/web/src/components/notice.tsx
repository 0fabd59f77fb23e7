import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error';

/** A calm, bordered message. Announcements belong to a live region around it (see LiveRegion). */
export function Notice({
  tone = 'info',
  title,
  children,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`}>
      {title && <p className="notice__title">{title}</p>}
      {children && <div className="notice__body">{children}</div>}
    </div>
  );
}

/**
 * Present in the page before its content changes, so assistive technology announces what appears in it.
 * `assertive` for errors that stop the person; `polite` for outcomes.
 */
export function LiveRegion({
  children,
  politeness = 'polite',
  id,
}: {
  children?: ReactNode;
  politeness?: 'polite' | 'assertive';
  id?: string;
}) {
  return (
    <div id={id} aria-live={politeness} aria-atomic="true" className="live-region">
      {children}
    </div>
  );
}
