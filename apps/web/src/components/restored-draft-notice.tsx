import { restoredTitle, type RestoredDraft } from '../lib/drafts';
import { formatDateTime } from '../lib/format';
import { Button } from './button';
import { Notice } from './notice';

/**
 * Over a form that opened with what the person had typed before (kept in this tab while the
 * session ended, say): what it is, from when, and a way to start again instead.
 */
export function RestoredDraftNotice({
  restored,
  onDiscard,
  discardLabel = 'Discard what I typed',
  changed,
}: {
  restored: RestoredDraft | null;
  onDiscard: () => void;
  discardLabel?: string;
  /** The record ("referral") when someone else changed it since this was typed (see changedSinceDraft). */
  changed?: string | null;
}) {
  if (!restored) return null;
  return (
    <Notice title={restoredTitle(restored)}>
      <p>
        Kept in this tab only, as you left it at {formatDateTime(restored.savedAt)}. It is not saved yet:
        check it, then save it, or discard it to start again.
      </p>
      {changed && (
        <p>
          <strong>The {changed} has changed since you typed this.</strong> Check its latest details before you
          save.
        </p>
      )}
      <Button variant="secondary" onClick={onDiscard}>
        {discardLabel}
      </Button>
    </Notice>
  );
}
