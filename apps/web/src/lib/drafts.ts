import { isNoteKind, type NoteKind } from '@beacon/domain';

/**
 * Case-note drafts kept in this tab's sessionStorage while they are typed, so a note survives a
 * session that ends mid-sentence (expiry, a reload, signing in again). They are keyed by user and
 * referral, so nobody signing in afterwards on the same tab sees another person's draft; they go
 * when the note is saved, when the person signs out, and when the tab closes.
 */

export interface NoteDraft {
  kind: NoteKind | '';
  minutes: string;
  body: string;
  /** When it was last written, ISO 8601. */
  savedAt: string;
}

/** The part of the Storage interface drafts use (sessionStorage in the browser, a map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'beacon.note-draft';

export function noteDraftKey(userId: string, referralId: string): string {
  return `${PREFIX}.${userId}.${referralId}`;
}

/** Nothing worth keeping: an untouched editor is not a draft. */
export function isEmptyDraft(draft: Pick<NoteDraft, 'body' | 'minutes'>): boolean {
  return draft.body.trim() === '' && draft.minutes.trim() === '';
}

/** The draft under `key`, or null when there is none or it is not one of ours (a hand-edited value). */
export function readNoteDraft(storage: DraftStorage | undefined, key: string): NoteDraft | null {
  if (!storage) return null;
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { kind, minutes, body, savedAt } = value as Record<string, unknown>;
  if (typeof body !== 'string' || typeof minutes !== 'string' || typeof savedAt !== 'string') return null;
  return { kind: isNoteKind(kind) ? kind : '', minutes, body, savedAt };
}

/** Keeps the draft (or forgets it once it is empty). A full or blocked storage only loses the draft. */
export function writeNoteDraft(
  storage: DraftStorage | undefined,
  key: string,
  draft: Omit<NoteDraft, 'savedAt'>,
  now: Date = new Date(),
): void {
  if (!storage) return;
  try {
    if (isEmptyDraft(draft)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ ...draft, savedAt: now.toISOString() }));
  } catch {
    // Quota exceeded or storage disabled: the editor still holds the text.
  }
}

export function clearNoteDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** Every draft in this tab, or (with `exceptUserId`) every other person's. */
export function clearNoteDrafts(storage: DraftStorage | undefined, exceptUserId?: string): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(`${PREFIX}.`)) keys.push(key);
    }
    const own = exceptUserId ? `${PREFIX}.${exceptUserId}.` : null;
    for (const key of keys) if (!own || !key.startsWith(own)) storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing in it either.
  }
}

/** This tab's sessionStorage, when the browser allows it. */
export function sessionDraftStorage(): DraftStorage | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
}
