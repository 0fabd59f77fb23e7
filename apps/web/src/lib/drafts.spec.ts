import {
  clearNoteDraft,
  clearNoteDrafts,
  noteDraftKey,
  readNoteDraft,
  writeNoteDraft,
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

describe('case-note drafts', () => {
  it('keeps a draft per person and referral, and gives it back', () => {
    const storage = memoryStorage();
    const key = noteDraftKey('sam', 'r1');
    writeNoteDraft(storage, key, { kind: 'CONTACT', minutes: '20', body: 'Spoke with Ann on the ward' }, at);
    expect(readNoteDraft(storage, key)).toEqual({
      kind: 'CONTACT',
      minutes: '20',
      body: 'Spoke with Ann on the ward',
      savedAt: '2026-03-29T00:30:00.000Z',
    });
    expect(readNoteDraft(storage, noteDraftKey('jordan', 'r1'))).toBeNull();
    expect(readNoteDraft(storage, noteDraftKey('sam', 'r2'))).toBeNull();
  });

  it('forgets a draft once it is emptied, or cleared after saving', () => {
    const storage = memoryStorage();
    const key = noteDraftKey('sam', 'r1');
    writeNoteDraft(storage, key, { kind: 'CONTACT', minutes: '', body: 'x' }, at);
    writeNoteDraft(storage, key, { kind: 'CONTACT', minutes: '', body: '   ' }, at);
    expect(storage.dump()).toEqual({});
    writeNoteDraft(storage, key, { kind: '', minutes: '', body: 'again' }, at);
    clearNoteDraft(storage, key);
    expect(readNoteDraft(storage, key)).toBeNull();
  });

  it('ignores values it did not write, and copes without storage', () => {
    const storage = memoryStorage();
    storage.setItem('k1', 'not json');
    storage.setItem('k2', JSON.stringify({ body: 1 }));
    storage.setItem('k3', JSON.stringify({ kind: 'NONSENSE', minutes: '', body: 'ok', savedAt: 'x' }));
    expect(readNoteDraft(storage, 'k1')).toBeNull();
    expect(readNoteDraft(storage, 'k2')).toBeNull();
    expect(readNoteDraft(storage, 'k3')?.kind).toBe('');
    expect(readNoteDraft(undefined, 'k1')).toBeNull();
    expect(() => writeNoteDraft(undefined, 'k1', { kind: '', minutes: '', body: 'x' })).not.toThrow();
  });

  it('loses only the draft when storage is full', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => writeNoteDraft(storage, 'k', { kind: '', minutes: '', body: 'x' })).not.toThrow();
  });

  it('clears every draft on sign-out, and other people’s when someone signs in', () => {
    const storage = memoryStorage();
    storage.setItem('unrelated', 'kept');
    writeNoteDraft(storage, noteDraftKey('sam', 'r1'), { kind: '', minutes: '', body: 'a' }, at);
    writeNoteDraft(storage, noteDraftKey('sam', 'r2'), { kind: '', minutes: '', body: 'b' }, at);
    writeNoteDraft(storage, noteDraftKey('jordan', 'r1'), { kind: '', minutes: '', body: 'c' }, at);
    clearNoteDrafts(storage, 'sam');
    expect(Object.keys(storage.dump()).sort()).toEqual([
      'beacon.note-draft.sam.r1',
      'beacon.note-draft.sam.r2',
      'unrelated',
    ]);
    clearNoteDrafts(storage);
    expect(storage.dump()).toEqual({ unrelated: 'kept' });
  });
});
