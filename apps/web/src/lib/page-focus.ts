/** What the window title says for a page: its name, then the app's. */
export function pageTitle(page: string): string {
  return `${page} – Beacon`;
}

/**
 * Decides whether a page heading that has just appeared takes focus, from the router location
 * it appeared at. After a route change it does: screen readers start at the new page and keyboard
 * users are not left on a link that has gone. On the first page of a document load (a link from
 * elsewhere, a reload) it does not: the browser starts at the top as on any web page, so the
 * first Tab reaches "Skip to main content". One location may show its heading late (after
 * loading) or twice (React's development double render); each answers the same.
 */
export function createHeadingFocus(): (locationKey: string) => boolean {
  let firstKey: string | undefined;
  let moved = false;
  return (locationKey) => {
    firstKey ??= locationKey;
    // Once the route has changed, every page is arrived at, the first one again (Back) included.
    if (locationKey !== firstKey) moved = true;
    return moved;
  };
}

/** For the whole app: one document load, one first page. */
export const headingTakesFocus = createHeadingFocus();
