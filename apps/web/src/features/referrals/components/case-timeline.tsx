import { isProblem } from '@beacon/api-client';
import { NOTE_KIND_LABELS, can } from '@beacon/domain';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/button';
import { MessageRegion, type Message } from '../../../components/notice';
import { QueryError } from '../../../components/query-error';
import { EmptyState, Loading } from '../../../components/status';
import { formatDateTime, formatMinutes } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { useDraftWaiting } from '../../../lib/use-draft';
import { useUser } from '../../../lib/use-session';
import { useAmendNote } from '../api/amend-note';
import type { Referral } from '../api/get-referral';
import { useNotes } from '../api/get-notes';
import { useTimeline } from '../api/get-timeline';
import { mayAmend, timelineEntries, type Note, type TimelineEntry } from '../utils/casework';
import { AmendNoteDialog } from './amend-note-dialog';
import { NoteEditor } from './note-editor';

const TYPE_LABELS: Record<TimelineEntry['item']['type'], string> = {
  STATUS: 'Status',
  NOTE: 'Note',
  MEETING: 'Meeting',
  RECORDS_ACCESS: 'Records',
  VISIT: 'Ward visit',
};

/**
 * The case as one file, newest first: status changes, case notes (with every version of an
 * amended one), meetings and records access, and the editor for a new note above them.
 */
export function CaseTimeline({ referral }: { referral: Referral }) {
  const [message, setMessage] = useState<Message | null>(null);
  const me = useUser();
  const timeline = useTimeline(referral.id);
  const notes = useNotes(referral.id);
  const amend = useAmendNote(referral.id);
  // The note stays after the dialog closes, so the native dialog can close and hand focus back.
  const [amending, setAmending] = useState<{ note: Note; opening: number; open: boolean } | null>(null);
  const close = () => setAmending((previous) => previous && { ...previous, open: false });
  const entries = useMemo(
    () => timelineEntries(timeline.data?.items ?? [], notes.data?.items),
    [timeline.data, notes.data],
  );
  // The note being amended as loaded now: after someone else amends it, their newer version.
  const amendingNote = amending
    ? (notes.data?.items.find((note) => note.id === amending.note.id) ?? amending.note)
    : null;

  // An amendment being typed when the session ended opens again, once the notes are here.
  const draftWaiting = useDraftWaiting();
  const [resumed, setResumed] = useState(false);
  if (!resumed && notes.data) {
    setResumed(true);
    const waiting = notes.data.items.find(
      (note) => can(me.roles, 'notes.amend') && mayAmend(note, me) && draftWaiting(`amend-note.${note.id}`),
    );
    if (waiting) setAmending({ note: waiting, opening: 1, open: true });
  }

  function openAmend(note: Note) {
    amend.reset();
    setMessage(null);
    setAmending((previous) => ({ note, opening: (previous?.opening ?? 0) + 1, open: true }));
  }

  return (
    <section className="card card--tight case-timeline" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title" className="section-title">
        Case timeline
      </h2>
      <MessageRegion message={message} />
      {can(me.roles, 'notes.create') && (
        <NoteEditor
          referralId={referral.id}
          onSaved={(note) =>
            setMessage({
              tone: 'success',
              text: `${NOTE_KIND_LABELS[note.kind]} note saved to the timeline.`,
            })
          }
        />
      )}
      <h3 className="subheading">The case so far, newest first</h3>
      {timeline.isPending ? (
        <Loading label="Loading the timeline…" />
      ) : timeline.isError ? (
        <QueryError title="The timeline could not be loaded" query={timeline} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing on the timeline yet.">
          <p>Notes, meetings and changes of status appear here as the case goes on.</p>
        </EmptyState>
      ) : (
        <ol className="timeline" aria-label="Case timeline, newest first">
          {entries.map((entry) => (
            <TimelineRow
              key={`${entry.item.type}-${entry.item.id}`}
              entry={entry}
              onAmend={
                entry.note && can(me.roles, 'notes.amend') && mayAmend(entry.note, me) ? openAmend : undefined
              }
            />
          ))}
        </ol>
      )}
      {amending && amendingNote && (
        <AmendNoteDialog
          key={amending.opening}
          note={amendingNote}
          open={amending.open}
          busy={amend.isPending}
          problem={amend.error}
          onCancel={close}
          onSubmit={(body) =>
            amend.mutate(
              { noteId: amending.note.id, body },
              {
                onSuccess: (note) => {
                  close();
                  setMessage({
                    tone: 'success',
                    text: `Note amended: version ${note.version} saved, earlier versions kept.`,
                  });
                },
                onError: (error) => {
                  if (isProblem(error, 404)) {
                    close();
                    setMessage({ tone: 'error', text: errorText(error) });
                  }
                  // A stale version stays in the dialog with its conflict notice; 403 (not the author,
                  // not a manager) and field errors stay there too, in the server's words.
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

function TimelineRow({ entry, onAmend }: { entry: TimelineEntry; onAmend?: (note: Note) => void }) {
  const { item, note } = entry;
  const amended = note && note.version > 1;
  return (
    <li className={`timeline__item timeline__item--${item.type.toLowerCase()}`}>
      <div className="timeline__head">
        <span className="tag tag--muted timeline__type">{TYPE_LABELS[item.type]}</span>
        <span className="timeline__title">{note ? `${NOTE_KIND_LABELS[note.kind]} note` : item.title}</span>
        {amended && <span className="tag tag--info">Amended</span>}
      </div>
      <p className="timeline__meta muted">
        {formatDateTime(item.at)} · {item.by.displayName}
        {note?.minutesSpent ? ` · ${formatMinutes(note.minutesSpent)}` : ''}
      </p>
      {item.text && <p className="timeline__text pre-line">{note ? note.body : item.text}</p>}
      {note && (amended || onAmend) && (
        <div className="timeline__actions">
          {amended && (
            <details className="details timeline__versions">
              <summary>All {note.versions.length} versions</summary>
              <ol className="versions">
                {note.versions.map((version) => (
                  <li key={version.version} className="versions__item">
                    <p className="versions__meta">
                      <strong>Version {version.version}</strong> · {formatDateTime(version.createdAt)} ·{' '}
                      {version.createdBy.displayName}
                    </p>
                    {version.reason && <p className="versions__reason">Reason: {version.reason}</p>}
                    <p className="pre-line versions__body">{version.body}</p>
                  </li>
                ))}
              </ol>
            </details>
          )}
          {onAmend && (
            <Button
              variant="secondary"
              onClick={() => onAmend(note)}
              aria-label={`Amend the note of ${formatDateTime(item.at)}`}
            >
              Amend
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
