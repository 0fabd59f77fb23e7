import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The box around a table, which scrolls sideways when the table is wider than the screen (a
 * tablet held upright, a zoomed page). While it scrolls it can be focused, and so scrolled with
 * the arrow keys, and is a region named by the table's caption (WCAG 2.1.1); when the table fits
 * it is a plain box and no extra Tab stop.
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [label, setLabel] = useState<string | null>(null);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () =>
      setLabel(
        box.scrollWidth > box.clientWidth + 1
          ? (box.querySelector('caption')?.textContent?.trim() ?? 'Table') || 'Table'
          : null,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className="table-wrap"
      {...(label === null ? {} : { tabIndex: 0, role: 'region', 'aria-label': label })}
    >
      {children}
    </div>
  );
}
