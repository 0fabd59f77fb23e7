import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { headingTakesFocus, pageTitle } from '../lib/page-focus';

/**
 * The page's h1 and document title. After a route change it takes focus when it appears, so
 * screen readers start at the new page (and read its name) and keyboard users are not left on the
 * old link; on the first page of a document load it leaves focus at the top, where the first Tab
 * reaches "Skip to main content".
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  const keyRef = useRef(key);
  useEffect(() => {
    // When the heading appears, not each time the address changes under it (a filter, a week).
    if (headingTakesFocus(keyRef.current)) ref.current?.focus({ preventScroll: true });
  }, []);
  const text = title ?? (typeof children === 'string' ? children : undefined);
  return (
    <>
      {text && <title>{pageTitle(text)}</title>}
      <h1 ref={ref} tabIndex={-1} className="page-heading">
        {children}
      </h1>
    </>
  );
}
