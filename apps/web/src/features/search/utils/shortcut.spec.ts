import { isSearchShortcut, isTypingTarget, shortcutLabel, type KeyPress } from './shortcut';

const body = { tagName: 'BODY' };
const link = { tagName: 'A' };
const textInput = { tagName: 'INPUT', type: 'text' };
const searchInput = { tagName: 'INPUT', type: 'search' };
const checkbox = { tagName: 'INPUT', type: 'checkbox' };
const textarea = { tagName: 'TEXTAREA' };
const select = { tagName: 'SELECT' };
const editable = { tagName: 'DIV', isContentEditable: true };

function press(key: string, target: unknown = body, keys: Partial<KeyPress> = {}): KeyPress {
  return { key, target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...keys };
}

describe('where typing happens', () => {
  it('is text inputs, text areas, selects and editable content', () => {
    for (const target of [textInput, searchInput, textarea, select, editable, { tagName: 'input' }]) {
      expect(isTypingTarget(target)).toBe(true);
    }
    for (const target of [body, link, checkbox, { tagName: 'BUTTON' }, null, undefined, 'x']) {
      expect(isTypingTarget(target)).toBe(false);
    }
  });
});

describe('the global search shortcut', () => {
  it('is Ctrl+K, or ⌘K, anywhere, even in a text field', () => {
    expect(isSearchShortcut(press('k', body, { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(press('K', body, { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(press('k', body, { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(press('k', textarea, { ctrlKey: true }))).toBe(true);
  });

  it('is not K alone, nor with other modifiers', () => {
    expect(isSearchShortcut(press('k'))).toBe(false);
    expect(isSearchShortcut(press('k', body, { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(press('K', body, { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('is "/" when focus is not in a text field', () => {
    expect(isSearchShortcut(press('/'))).toBe(true);
    expect(isSearchShortcut(press('/', link))).toBe(true);
    expect(isSearchShortcut(press('/', checkbox))).toBe(true);
    // Keyboards where "/" needs Shift.
    expect(isSearchShortcut(press('/', body, { shiftKey: true }))).toBe(true);
  });

  it('never fires on "/" typed into a field', () => {
    for (const target of [textInput, searchInput, textarea, select, editable]) {
      expect(isSearchShortcut(press('/', target))).toBe(false);
    }
    expect(isSearchShortcut(press('/', body, { ctrlKey: true }))).toBe(false);
  });

  it('never fires while an input method composes, nor for a press already handled', () => {
    expect(isSearchShortcut(press('k', body, { ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSearchShortcut(press('/', body, { defaultPrevented: true }))).toBe(false);
  });

  it('ignores other keys', () => {
    expect(isSearchShortcut(press('s', body, { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(press('Enter'))).toBe(false);
  });
});

describe('the shortcut on the button', () => {
  it('shows ⌘ K on a Mac and Ctrl K elsewhere', () => {
    expect(shortcutLabel('MacIntel')).toBe('⌘ K');
    expect(shortcutLabel('macOS')).toBe('⌘ K');
    expect(shortcutLabel('Win32')).toBe('Ctrl K');
    expect(shortcutLabel('Linux x86_64')).toBe('Ctrl K');
    expect(shortcutLabel(undefined)).toBe('Ctrl K');
  });
});
