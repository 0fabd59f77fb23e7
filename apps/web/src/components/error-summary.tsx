import { useEffect, useId, useRef } from 'react';
import type { SummaryItem } from '../lib/problems';

/**
 * The list of a form's problems above the form, each linking to its field. It takes focus when it
 * appears so that a keyboard or screen reader user learns at once why the form did not go through.
 */
export function ErrorSummary({
  items,
  title = 'There is a problem',
}: {
  items: SummaryItem[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique, as a page may hold more than one form (a dialog, a form within a form's section).
  const titleId = useId();
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <p id={titleId} className="notice__title">
        {title}
      </p>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}${item.text}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId as string)?.focus();
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
