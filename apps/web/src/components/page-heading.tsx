import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1 and document title. It takes focus when the page mounts, so after a route change
 * screen readers start at the new page and keyboard users are not left on the old link.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  const text = title ?? (typeof children === 'string' ? children : undefined);
  return (
    <>
      {text && <title>{`${text} – Beacon`}</title>}
      <h1 ref={ref} tabIndex={-1} className="page-heading">
        {children}
      </h1>
    </>
  );
}
