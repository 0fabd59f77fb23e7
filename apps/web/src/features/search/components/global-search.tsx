import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isSearchShortcut, shortcutLabel } from '../utils/shortcut';

/** Its own chunk, fetched as soon as the header shows (not on the first Ctrl+K, so no key is lost). */
const loadDialog = () => import('./search-dialog');
const SearchDialog = lazy(() => loadDialog().then((m) => ({ default: m.SearchDialog })));

function platform(): string | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return data?.platform || navigator.platform;
}

/**
 * The header's search: a button (and Ctrl+K, or "/" when not typing) opening a dialog that finds
 * referrals and people by name, reference or NHS number. Only for those who do casework (see
 * canSearch); the API scopes the results to what each may open.
 */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [shortcut] = useState(() => shortcutLabel(platform()));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      // Not over another modal dialog (a confirmation, the idle warning): that one has the page.
      if (document.querySelector('dialog[open]:not(.search-dialog)')) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    // Offline now: it is fetched again when opened.
    loadDialog().catch(() => undefined);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--secondary search-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
        onClick={() => setOpen(true)}
      >
        <span className="search-button__icon" aria-hidden="true" />
        Search
        <kbd className="search-button__keys" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SearchDialog
            onClose={(returnFocus) => {
              setOpen(false);
              if (returnFocus) button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
