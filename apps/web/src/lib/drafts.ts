/**
 * Drafts of forms kept in this tab's sessionStorage while they are typed, so what a person typed
 * survives a session that ends mid-sentence (expiry, an inactivity sign-out, a reload): signing in
 * again as the same person and going back to the page brings it back. They are keyed by user and
 * form, so nobody signing in afterwards on the same tab sees another person's draft; they go when
 * the form is saved, when the person signs out on purpose, and when the tab closes. Nothing is ever
 * sent anywhere, and secrets (passwords) are never put in a draft.
 */

/** The part of the Storage interface drafts use (sessionStorage in the browser, a map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const DRAFT_PREFIX = 'beacon.draft';
/** Where case-note drafts were kept before every form had drafts: still cleared on sign-out. */
const LEGACY_PREFIXES = ['beacon.note-draft'];
/** Per person, when they last signed in on this tab (after having been signed out). */
const SIGNED_IN_MARK = '~signed-in-at';

/** A form's draft, as kept. */
export interface StoredDraft<T> {
  values: T;
  /** When it was last written, ISO 8601. */
  savedAt: string;
  /** The version of the record the answers were given on, for a form that changes one. */
  version?: number;
}

export function draftKey(userId: string, formId: string): string {
  return `${DRAFT_PREFIX}.${userId}.${formId}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` (parsed from storage, so anything) taken into the shape of `template`: each field of the
 * template keeps its type, and a field missing or of another type takes the template's value. A
 * field whose template is null takes whatever was kept (a chosen person, say); arrays keep only
 * their plain values (strings, numbers, booleans) unless the template shows their items.
 */
export function conform<T>(template: T, value: unknown): T {
  if (template === null) return (value === undefined ? template : value) as T;
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) return template;
    const [item] = template as unknown[];
    if (item !== undefined) return value.map((entry) => conform(item, entry)) as T;
    return value.filter((entry) => ['string', 'number', 'boolean'].includes(typeof entry)) as T;
  }
  if (isPlainObject(template)) {
    if (!isPlainObject(value)) return template;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(template)) out[key] = conform(field, value[key]);
    return out as T;
  }
  return (typeof value === typeof template ? value : template) as T;
}

/** Whether two drafts hold the same answers. */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The draft under `key` in the shape of `template`, or null when there is none or it is not one of ours. */
export function readDraft<T>(
  storage: DraftStorage | undefined,
  key: string,
  template: T,
): StoredDraft<T> | null {
  if (!storage) return null;
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!isPlainObject(value) || typeof value['savedAt'] !== 'string' || !('values' in value)) return null;
  if (isPlainObject(template) && !isPlainObject(value['values'])) return null;
  const version = typeof value['version'] === 'number' ? value['version'] : undefined;
  return {
    values: conform(template, value['values']),
    savedAt: value['savedAt'],
    ...(version === undefined ? {} : { version }),
  };
}

export function hasDraft(storage: DraftStorage | undefined, key: string): boolean {
  try {
    return Boolean(storage?.getItem(key));
  } catch {
    return false;
  }
}

/** Keeps the draft, or forgets it once it is empty. A full or blocked storage only loses the draft. */
export function writeDraft<T>(
  storage: DraftStorage | undefined,
  key: string,
  values: T,
  isEmpty: (values: T) => boolean,
  now: Date = new Date(),
  version?: number,
): void {
  if (!storage) return;
  try {
    if (isEmpty(values)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ values, savedAt: now.toISOString(), version }));
  } catch {
    // Quota exceeded or storage disabled: the form still holds the text.
  }
}

export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** Every draft in this tab, or (with `exceptUserId`) every other person's. */
export function clearDrafts(storage: DraftStorage | undefined, exceptUserId?: string): void {
  if (!storage) return;
  try {
    const prefixes = [DRAFT_PREFIX, ...LEGACY_PREFIXES].map((prefix) => `${prefix}.`);
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key && prefixes.some((prefix) => key.startsWith(prefix))) keys.push(key);
    }
    const own = exceptUserId ? `${DRAFT_PREFIX}.${exceptUserId}.` : null;
    for (const key of keys) if (!own || !key.startsWith(own)) storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing in it either.
  }
}

/** Whether this tab holds any draft of the person's (the note of when they signed in aside). */
export function hasDraftsOf(storage: DraftStorage | undefined, userId: string): boolean {
  if (!storage) return false;
  try {
    const own = `${DRAFT_PREFIX}.${userId}.`;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(own) && key !== draftKey(userId, SIGNED_IN_MARK)) return true;
    }
  } catch {
    // Storage disabled: no drafts.
  }
  return false;
}

/**
 * Notes that the person signed in again (after being signed out) on this tab, now. Only needed
 * while they have drafts from before: nothing is put in storage for a session that has none.
 */
export function markSignedIn(
  storage: DraftStorage | undefined,
  userId: string,
  now: Date = new Date(),
): void {
  try {
    storage?.setItem(draftKey(userId, SIGNED_IN_MARK), now.toISOString());
  } catch {
    // Without the mark a restored draft is only described less precisely.
  }
}

export function signedInAt(storage: DraftStorage | undefined, userId: string): string | null {
  try {
    return storage?.getItem(draftKey(userId, SIGNED_IN_MARK)) ?? null;
  } catch {
    return null;
  }
}

/**
 * A draft brought back into its form: when it was kept, whether a sign-out came in between, and
 * (for a form that changes a record) the version of the record it was typed on.
 */
export interface RestoredDraft {
  savedAt: string;
  afterSignOut: boolean;
  version?: number;
}

export function restoredDraft(savedAt: string, signedIn: string | null, version?: number): RestoredDraft {
  return {
    savedAt,
    afterSignOut: signedIn !== null && Date.parse(savedAt) < Date.parse(signedIn),
    ...(version === undefined ? {} : { version }),
  };
}

/** Whether the record changed since the restored draft was typed on it (someone else saved meanwhile). */
export function changedSinceDraft(restored: RestoredDraft | null, current: { version: number }): boolean {
  return restored?.version !== undefined && restored.version !== current.version;
}

/** The words over a restored form. */
export function restoredTitle(restored: RestoredDraft): string {
  return restored.afterSignOut
    ? 'Restored what you had typed before you were signed out'
    : 'Restored what you had typed earlier';
}

/** This tab's sessionStorage, when the browser allows it. */
export function sessionDraftStorage(): DraftStorage | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
}
