/** What the shortcut needs of a keyboard event (a plain object in the unit tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: unknown;
}

/** Input types that take no typing: "/" on them is not a character, so it may open search. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Whether keys pressed on this element type text: a text input, a text area, a select, or editable content. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text';
    return !NON_TEXT_INPUTS.has(type);
  }
  return false;
}

/**
 * Whether a key press opens global search: Ctrl+K (⌘K on a Mac) anywhere, as it types nothing;
 * "/" only when focus is not in somewhere to type, where it is a character. Never while an input
 * method is composing, nor a press something else has already handled.
 */
export function isSearchShortcut(event: KeyPress): boolean {
  if (event.isComposing || event.defaultPrevented) return false;
  if (event.key.toLowerCase() === 'k') {
    return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  }
  if (event.key === '/') {
    // Shift is allowed: some keyboards (German, Nordic) need it for "/".
    return !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
  }
  return false;
}

/** Whether this looks like a Mac (or iPad with a keyboard), where the shortcut is ⌘K. */
export function isApplePlatform(platform: string | undefined): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform ?? '');
}

/** The shortcut as the button shows it: "⌘ K" on a Mac, "Ctrl K" elsewhere. */
export function shortcutLabel(platform: string | undefined): string {
  return isApplePlatform(platform) ? '⌘ K' : 'Ctrl K';
}
