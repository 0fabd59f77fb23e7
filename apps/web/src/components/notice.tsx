import { useEffect, useRef, type ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

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

/** The outcome of an action, in words: what happened, or why it did not. */
export interface Message {
  tone: Tone;
  title?: string;
  text: string;
}

/**
 * Where the outcome of an action on part of a page appears, beside that part. It takes focus when
 * a message arrives: the dialog or form that was used is gone, and nobody is left on nothing.
 */
export function MessageRegion({ message, children }: { message: Message | null; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} tabIndex={-1} className="live-region" aria-live="polite" aria-atomic="true">
      {message && (
        <Notice tone={message.tone} title={message.title}>
          <p>{message.text}</p>
          {children}
        </Notice>
      )}
    </div>
  );
}
