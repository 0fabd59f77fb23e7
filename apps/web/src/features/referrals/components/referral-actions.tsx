import { isProblem } from '@beacon/api-client';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { isStaleVersion } from '../../../lib/problems';
import { useDraftWaiting } from '../../../lib/use-draft';
import { useAllocateReferral } from '../api/allocate-referral';
import { useCloseReferral } from '../api/close-referral';
import type { Referral } from '../api/get-referral';
import { useRecordFirstContact } from '../api/record-first-contact';
import { useTriageReferral } from '../api/triage-referral';
import { AllocateDialog } from './allocate-dialog';
import { CloseDialog } from './close-dialog';
import { FirstContactDialog } from './first-contact-dialog';
import { AcceptDialog, DeclineDialog } from './triage-dialogs';

type DialogName = 'accept' | 'decline' | 'allocate' | 'firstContact' | 'close';

export type ActionMessage = { tone: 'success' | 'info' | 'error'; title?: string; text: string };

/**
 * The actions the API says this person may take now (`nextActions`), each through its dialog.
 * Every action sends the version loaded. A stale one keeps the dialog open with what the person
 * chose, the referral reloaded and a conflict notice saying what changed (see ConflictNotice);
 * any other conflict closes it with the server's reason (the referral reloads either way). A
 * decline or closure being typed when the session ended opens again with its draft.
 */
export function ReferralActions({
  referral,
  onMessage,
}: {
  referral: Referral;
  onMessage: (message: ActionMessage | null) => void;
}) {
  const draftWaiting = useDraftWaiting();
  const [dialog, setDialog] = useState<DialogName | null>(() =>
    referral.nextActions.includes('TRIAGE_DECLINE') && draftWaiting(`decline.${referral.id}`)
      ? 'decline'
      : referral.nextActions.includes('CLOSE') && draftWaiting(`close.${referral.id}`)
        ? 'close'
        : null,
  );
  // Each opening starts its dialog afresh.
  const [opening, setOpening] = useState(0);
  const triage = useTriageReferral(referral.id);
  const allocate = useAllocateReferral(referral.id);
  const firstContact = useRecordFirstContact(referral.id);
  const close = useCloseReferral(referral.id);
  const actions = referral.nextActions;

  function open(name: DialogName) {
    for (const mutation of [triage, allocate, firstContact, close]) mutation.reset();
    onMessage(null);
    setOpening((n) => n + 1);
    setDialog(name);
  }

  const settle = (success: (after: Referral) => string) => ({
    onSuccess: (after: Referral) => {
      setDialog(null);
      onMessage({ tone: 'success', text: success(after) });
    },
    onError: (error: unknown) => {
      // A stale version stays in the dialog, with what changed and the person's answers as they were.
      if (isStaleVersion(error)) return;
      if (isProblem(error, 409) && !error.fieldErrors.length) {
        // Another conflict (the referral moved on, a rule of its state): the server says which.
        setDialog(null);
        onMessage({ tone: 'error', title: 'This could not be done', text: error.detail });
      } else if (isProblem(error, 404)) {
        setDialog(null);
      }
      // Anything else stays in the dialog, beside the answers it is about.
    },
  });

  const shared = (name: DialogName) => ({
    referral,
    open: dialog === name,
    onCancel: () => setDialog(null),
  });

  // A dialog stays while it is open, though the reloaded referral may no longer offer its action.
  const shows = (name: DialogName, action: (typeof actions)[number]) =>
    actions.includes(action) || dialog === name;

  if (actions.length === 0 && dialog === null) return null;

  return (
    <div className="referral-actions" role="group" aria-label="Actions">
      {actions.includes('TRIAGE_ACCEPT') && (
        <Button variant="primary" onClick={() => open('accept')}>
          Accept
        </Button>
      )}
      {actions.includes('ALLOCATE') && (
        <Button
          variant={actions.includes('TRIAGE_ACCEPT') ? 'secondary' : 'primary'}
          onClick={() => open('allocate')}
        >
          {referral.allocatedAdvocateId ? 'Re-allocate' : 'Allocate'}
        </Button>
      )}
      {actions.includes('RECORD_FIRST_CONTACT') && (
        <Button variant="primary" onClick={() => open('firstContact')}>
          Record first contact
        </Button>
      )}
      {actions.includes('TRIAGE_DECLINE') && (
        <Button variant="danger" onClick={() => open('decline')}>
          Decline
        </Button>
      )}
      {actions.includes('CLOSE') && (
        <Button variant="secondary" onClick={() => open('close')}>
          Close referral
        </Button>
      )}

      {shows('accept', 'TRIAGE_ACCEPT') && (
        <AcceptDialog
          key={`accept-${opening}`}
          {...shared('accept')}
          busy={triage.isPending}
          problem={dialog === 'accept' ? triage.error : null}
          onSubmit={(body) =>
            triage.mutate(
              body,
              settle(() => 'Referral accepted. It is now awaiting allocation to an advocate.'),
            )
          }
        />
      )}
      {shows('decline', 'TRIAGE_DECLINE') && (
        <DeclineDialog
          key={`decline-${opening}`}
          {...shared('decline')}
          busy={triage.isPending}
          problem={dialog === 'decline' ? triage.error : null}
          onSubmit={(body) =>
            triage.mutate(
              body,
              settle((after) =>
                after.signposting.length
                  ? `Referral declined. Signposting recorded: ${after.signposting.map((s) => s.name).join(', ')}.`
                  : 'Referral declined.',
              ),
            )
          }
        />
      )}
      {shows('allocate', 'ALLOCATE') && (
        <AllocateDialog
          key={`allocate-${opening}`}
          {...shared('allocate')}
          busy={allocate.isPending}
          problem={allocate.error}
          onSubmit={(body) =>
            allocate.mutate(
              body,
              settle((after) => `Allocated to ${after.allocatedAdvocate?.displayName ?? 'the advocate'}.`),
            )
          }
        />
      )}
      {shows('firstContact', 'RECORD_FIRST_CONTACT') && (
        <FirstContactDialog
          key={`firstContact-${opening}`}
          {...shared('firstContact')}
          busy={firstContact.isPending}
          problem={firstContact.error}
          onSubmit={(body) =>
            firstContact.mutate(
              body,
              settle(() => 'First contact recorded. The referral is now active.'),
            )
          }
        />
      )}
      {shows('close', 'CLOSE') && (
        <CloseDialog
          key={`close-${opening}`}
          {...shared('close')}
          busy={close.isPending}
          problem={close.error}
          onSubmit={(body) =>
            close.mutate(
              body,
              settle(() => 'Referral closed.'),
            )
          }
        />
      )}
    </div>
  );
}
