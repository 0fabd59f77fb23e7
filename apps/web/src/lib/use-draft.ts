import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  clearDraft,
  draftKey,
  hasDraft,
  readDraft,
  restoredDraft,
  sameValues,
  sessionDraftStorage,
  signedInAt,
  writeDraft,
  type RestoredDraft,
} from './drafts';
import { useUser } from './use-session';

export interface DraftOptions<T> {
  /** What the form starts from when nothing was kept (read once, on mount). */
  initial: T | (() => T);
  /** Nothing worth keeping; by default, the answers the form started from. */
  isEmpty?: (values: T) => boolean;
  /** Tidies answers read back (a choice no longer offered, say): the shape is already checked. */
  restore?: (kept: T) => T;
  /** For a form that changes a record: the version it opened on, kept with the answers. */
  version?: number;
}

export interface Draft<T> {
  values: T;
  /** Changes the answers; each change is kept in this tab as it is made. */
  setValues: Dispatch<SetStateAction<T>>;
  /** Set when the form opened with what was kept from before, until the person saves or discards it. */
  restored: RestoredDraft | null;
  /** Forgets what was kept and starts the form again (from `next`, else as it first opened). */
  discard: (next?: T) => void;
  /** Forgets what was kept, the answers staying on screen (after they were saved). */
  forget: () => void;
}

/**
 * The answers of one form (`formId`, unique per page and record: `meeting.<referralId>`) for the
 * signed-in person, kept in this tab's sessionStorage as they change (see drafts.ts), and read
 * back when the form mounts again: after signing in again, after a reload, or on coming back.
 */
export function useDraft<T>(
  formId: string,
  { initial, isEmpty, restore, version }: DraftOptions<T>,
): Draft<T> {
  const me = useUser();
  const [storage] = useState(sessionDraftStorage);
  const key = draftKey(me.id, formId);
  const [start] = useState<T>(initial);
  const [state, setState] = useState(() => {
    const kept = readDraft(storage, key, start);
    return {
      values: kept ? (restore ? restore(kept.values) : kept.values) : start,
      restored: kept ? restoredDraft(kept.savedAt, signedInAt(storage, me.id), kept.version) : null,
    };
  });
  // The version the answers were given on: a restored draft's, else the one the form opened on.
  const base = useRef(state.restored?.version ?? version);
  const current = useRef(version);
  useEffect(() => {
    current.current = version;
  }, [version]);
  // What is in storage now: nothing is written for the answers the form opened with.
  const written = useRef<T>(state.values);

  useEffect(() => {
    if (written.current === state.values) return;
    written.current = state.values;
    const empty = isEmpty ?? ((values: T) => sameValues(values, start));
    writeDraft(storage, key, state.values, empty, new Date(), base.current);
  }, [storage, key, state.values, isEmpty, start]);

  const setValues = useCallback<Dispatch<SetStateAction<T>>>(
    (action) =>
      setState((previous) => ({
        ...previous,
        values: typeof action === 'function' ? (action as (values: T) => T)(previous.values) : action,
      })),
    [],
  );

  const forget = useCallback(() => {
    clearDraft(storage, key);
    setState((previous) => {
      written.current = previous.values;
      return { ...previous, restored: null };
    });
  }, [storage, key]);

  const discard = useCallback(
    (next?: T) => {
      clearDraft(storage, key);
      const values = next ?? start;
      written.current = values;
      base.current = current.current;
      setState({ values, restored: null });
    },
    [storage, key, start],
  );

  return { values: state.values, setValues, restored: state.restored, discard, forget };
}

/**
 * useDraft for a form in a dialog: closing the dialog (Cancel, Escape, or after saving) forgets
 * the draft, while the session ending or the page changing with the dialog open keeps it, and the
 * page opens the dialog again with it (see useDraftWaiting).
 */
export function useDialogDraft<T>(formId: string, open: boolean, options: DraftOptions<T>): Draft<T> {
  const draft = useDraft(formId, options);
  const wasOpen = useRef(open);
  const { forget } = draft;
  useEffect(() => {
    if (wasOpen.current && !open) forget();
    wasOpen.current = open;
  }, [open, forget]);
  return draft;
}

/** Whether a draft of `formId` is waiting for the signed-in person (to open its dialog with it). */
export function useDraftWaiting(): (formId: string) => boolean {
  const me = useUser();
  return useCallback((formId: string) => hasDraft(sessionDraftStorage(), draftKey(me.id, formId)), [me.id]);
}
