import {
  clearDraft,
  clearDrafts,
  conform,
  draftKey,
  hasDraft,
  hasDraftsOf,
  markSignedIn,
  readDraft,
  restoredDraft,
  restoredTitle,
  sameValues,
  signedInAt,
  writeDraft,
  type DraftStorage,
} from './drafts';

/** An in-memory Storage, as sessionStorage behaves. */
function memoryStorage(): DraftStorage & { dump: () => Record<string, string> } {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
    dump: () => Object.fromEntries(map),
  };
}

const at = new Date('2026-03-29T00:30:00Z');

interface NoteValues {
  kind: string;
  minutes: string;
  body: string;
}
const EMPTY: NoteValues = { kind: '', minutes: '', body: '' };
const noteIsEmpty = (values: NoteValues) => values.body.trim() === '' && values.minutes.trim() === '';

describe('form drafts', () => {
  it('keeps a draft per person and form, and gives it back', () => {
    const storage = memoryStorage();
    const key = draftKey('sam', 'note.r1');
    writeDraft(
      storage,
      key,
      { kind: 'CONTACT', minutes: '20', body: 'Spoke with Ann on the ward' },
      noteIsEmpty,
      at,
    );
    expect(readDraft(storage, key, EMPTY)).toEqual({
      values: { kind: 'CONTACT', minutes: '20', body: 'Spoke with Ann on the ward' },
      savedAt: '2026-03-29T00:30:00.000Z',
    });
    expect(hasDraft(storage, key)).toBe(true);
    expect(readDraft(storage, draftKey('jordan', 'note.r1'), EMPTY)).toBeNull();
    expect(readDraft(storage, draftKey('sam', 'note.r2'), EMPTY)).toBeNull();
    expect(hasDraft(storage, draftKey('sam', 'meeting.r1'))).toBe(false);
  });

  it('forgets a draft once it is emptied, or cleared after saving', () => {
    const storage = memoryStorage();
    const key = draftKey('sam', 'note.r1');
    writeDraft(storage, key, { kind: 'CONTACT', minutes: '', body: 'x' }, noteIsEmpty, at);
    writeDraft(storage, key, { kind: 'CONTACT', minutes: '', body: '   ' }, noteIsEmpty, at);
    expect(storage.dump()).toEqual({});
    writeDraft(storage, key, { kind: '', minutes: '', body: 'again' }, noteIsEmpty, at);
    clearDraft(storage, key);
    expect(readDraft(storage, key, EMPTY)).toBeNull();
  });

  it('treats the answers a form started from as no draft by default', () => {
    const start = { outcome: '', reason: '', inPrivate: false };
    expect(sameValues({ ...start }, start)).toBe(true);
    expect(sameValues({ ...start, reason: 'Moved away' }, start)).toBe(false);
  });

  it('ignores values it did not write, and copes without storage', () => {
    const storage = memoryStorage();
    storage.setItem('k1', 'not json');
    storage.setItem('k2', JSON.stringify({ values: 1, savedAt: 'x' }));
    storage.setItem('k3', JSON.stringify({ values: { body: 'ok', minutes: 5 }, savedAt: 'x' }));
    storage.setItem('k4', JSON.stringify({ body: 'an old note draft' }));
    expect(readDraft(storage, 'k1', EMPTY)).toBeNull();
    expect(readDraft(storage, 'k2', EMPTY)).toBeNull();
    expect(readDraft(storage, 'k4', EMPTY)).toBeNull();
    // A field of the wrong type falls back to the form's own starting answer.
    expect(readDraft(storage, 'k3', EMPTY)?.values).toEqual({ kind: '', minutes: '', body: 'ok' });
    expect(readDraft(undefined, 'k1', EMPTY)).toBeNull();
    expect(() => writeDraft(undefined, 'k1', EMPTY, () => false)).not.toThrow();
  });

  it('takes what was kept into the shape of the form', () => {
    const template = {
      serviceType: '',
      client: null as { id: string } | null,
      issues: [] as string[],
      facts: { consideredForS57: false, localAuthority: '' },
      imha: { informed: '' },
    };
    expect(
      conform(template, {
        serviceType: 'IMHA',
        client: { id: 'c1' },
        issues: ['TREATMENT', { evil: true }, 'DISCHARGE'],
        facts: { consideredForS57: 'yes', localAuthority: 'LEICESTER', extra: 'dropped' },
        unknown: 'dropped',
      }),
    ).toEqual({
      serviceType: 'IMHA',
      client: { id: 'c1' },
      issues: ['TREATMENT', 'DISCHARGE'],
      facts: { consideredForS57: false, localAuthority: 'LEICESTER' },
      imha: { informed: '' },
    });
    expect(conform([{ name: '' }], [{ name: 'a' }, 'b'])).toEqual([{ name: 'a' }, { name: '' }]);
  });

  it('loses only the draft when storage is full', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => writeDraft(storage, 'k', { ...EMPTY, body: 'x' }, noteIsEmpty)).not.toThrow();
    expect(() => markSignedIn(storage, 'sam')).not.toThrow();
  });

  it('clears every draft on sign-out, and other people’s when someone signs in', () => {
    const storage = memoryStorage();
    storage.setItem('unrelated', 'kept');
    storage.setItem('beacon.note-draft.sam.r9', '{"body":"from before drafts were general"}');
    writeDraft(storage, draftKey('sam', 'note.r1'), { ...EMPTY, body: 'a' }, noteIsEmpty, at);
    writeDraft(storage, draftKey('sam', 'intake'), { summary: 'b' }, () => false, at);
    writeDraft(storage, draftKey('jordan', 'note.r1'), { ...EMPTY, body: 'c' }, noteIsEmpty, at);
    markSignedIn(storage, 'jordan', at);
    clearDrafts(storage, 'sam');
    expect(Object.keys(storage.dump()).sort()).toEqual([
      'beacon.draft.sam.intake',
      'beacon.draft.sam.note.r1',
      'unrelated',
    ]);
    clearDrafts(storage);
    expect(storage.dump()).toEqual({ unrelated: 'kept' });
  });

  it('tells whether a person has drafts in the tab, the note of their sign-in aside', () => {
    const storage = memoryStorage();
    markSignedIn(storage, 'sam', at);
    expect(hasDraftsOf(storage, 'sam')).toBe(false);
    writeDraft(storage, draftKey('jordan', 'intake'), { summary: 'x' }, () => false, at);
    expect(hasDraftsOf(storage, 'sam')).toBe(false);
    writeDraft(storage, draftKey('sam', 'intake'), { summary: 'y' }, () => false, at);
    expect(hasDraftsOf(storage, 'sam')).toBe(true);
    expect(hasDraftsOf(undefined, 'sam')).toBe(false);
  });

  it('says a draft was kept through a sign-out when the person signed in again after writing it', () => {
    const storage = memoryStorage();
    expect(signedInAt(storage, 'sam')).toBeNull();
    const before = restoredDraft('2026-03-29T00:30:00.000Z', signedInAt(storage, 'sam'));
    expect(before.afterSignOut).toBe(false);
    expect(restoredTitle(before)).toBe('Restored what you had typed earlier');

    markSignedIn(storage, 'sam', new Date('2026-03-29T01:05:00Z'));
    const after = restoredDraft('2026-03-29T00:30:00.000Z', signedInAt(storage, 'sam'));
    expect(after).toEqual({ savedAt: '2026-03-29T00:30:00.000Z', afterSignOut: true });
    expect(restoredTitle(after)).toBe('Restored what you had typed before you were signed out');
    // Typed after signing in again (then the page was left and opened again): no sign-out in between.
    expect(restoredDraft('2026-03-29T01:10:00.000Z', signedInAt(storage, 'sam')).afterSignOut).toBe(false);
  });
});
