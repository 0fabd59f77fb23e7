import { isProblem } from '@beacon/api-client';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ConflictNotice } from '../../../components/conflict-notice';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { EmptyState, Loading } from '../../../components/status';
import { conflictOf } from '../../../lib/conflicts';
import { errorText, isStaleVersion } from '../../../lib/problems';
import type { SignpostingService } from '../../../lib/signposting';
import { useCreateSignpostingService } from '../api/create-signposting-service';
import { useSignpostingDirectory } from '../api/get-signposting-services';
import { useUpdateSignpostingService } from '../api/update-signposting-service';
import { SignpostingFormDialog, type SignpostingValues } from '../components/signposting-form-dialog';
import { SignpostingTable } from '../components/signposting-table';
import { SIGNPOSTING_CONFLICT } from '../utils/conflict';

type Message = { tone: 'success' | 'info' | 'error'; text: string };

/** Retiring or restoring an entry someone else changed first: the entry as it was, and the change. */
interface StatusChange {
  before: SignpostingService;
  active: boolean;
  error: unknown;
}

/** The signposting directory: where people are pointed for what the service does not cover. */
export function SignpostingRoute() {
  const directory = useSignpostingDirectory();
  const create = useCreateSignpostingService();
  const update = useUpdateSignpostingService();
  // The dialog stays mounted (closing it hands focus back to its opener); each opening starts afresh.
  const [editing, setEditing] = useState<{
    entry: SignpostingService | null;
    opening: number;
    open: boolean;
  }>({
    entry: null,
    opening: 0,
    open: false,
  });
  const closeEditing = () => setEditing((previous) => ({ ...previous, open: false }));
  const [retiring, setRetiring] = useState<SignpostingService | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [statusChange, setStatusChange] = useState<StatusChange | null>(null);
  const items = directory.data?.items ?? [];
  const offered = items.filter((item) => item.active).length;
  const live = (entry: SignpostingService) => items.find((item) => item.id === entry.id) ?? entry;
  const editingEntry = editing.entry ? live(editing.entry) : null;
  const statusConflict = statusChange
    ? conflictOf(statusChange.error, statusChange.before, live(statusChange.before))
    : null;

  const refused = (error: unknown) => setMessage({ tone: 'error', text: errorText(error) });

  function open(entry: SignpostingService | null) {
    create.reset();
    update.reset();
    setMessage(null);
    setStatusChange(null);
    setEditing((previous) => ({ entry, opening: previous.opening + 1, open: true }));
  }

  function save(values: SignpostingValues) {
    const entry = editingEntry;
    if (!entry) {
      create.mutate(
        {
          key: values.key,
          name: values.name,
          ...(values.description ? { description: values.description } : {}),
          ...(values.contact ? { contact: values.contact } : {}),
        },
        {
          onSuccess: (saved) => {
            closeEditing();
            setMessage({
              tone: 'success',
              text: `${saved.name} was added. It is offered at triage from now on.`,
            });
          },
        },
      );
      return;
    }
    update.mutate(
      {
        id: entry.id,
        body: {
          version: entry.version,
          name: values.name,
          description: values.description,
          contact: values.contact,
        },
      },
      {
        onSuccess: (saved) => {
          closeEditing();
          setMessage({ tone: 'success', text: `Changes to ${saved.name} were saved.` });
        },
        onError: (error) => {
          // A stale version stays in the dialog, with what changed and what was typed.
          if ((isProblem(error, 409) && !isStaleVersion(error)) || isProblem(error, 404)) {
            closeEditing();
            refused(error);
          }
        },
      },
    );
  }

  function setActive(entry: SignpostingService, active: boolean) {
    setMessage(null);
    update.mutate(
      { id: entry.id, body: { version: entry.version, active } },
      {
        onSuccess: (saved) => {
          setRetiring(null);
          setStatusChange(null);
          setMessage({
            tone: 'success',
            text: active
              ? `${saved.name} is offered at triage again.`
              : `${saved.name} is retired. Referrals already signposted to it keep it.`,
          });
        },
        onError: (error) => {
          setRetiring(null);
          if (isStaleVersion(error)) setStatusChange({ before: entry, active, error });
          else {
            setStatusChange(null);
            refused(error);
          }
        },
      },
    );
  }

  const formProblem = editing.entry
    ? isProblem(update.error, 400) || isStaleVersion(update.error)
      ? update.error
      : null
    : create.error;

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Signposting</PageHeading>
        <Button variant="primary" onClick={() => open(null)}>
          Add a service
        </Button>
      </div>
      <p className="muted">
        Where people are pointed for what the service does not cover (benefits, housing, child protection,
        debt, legal matters) or for other help. Managers choose from the services offered when they triage a
        referral. Retired services are not offered, but referrals already signposted to them keep them.
      </p>
      {statusChange && statusConflict && (
        <ConflictNotice
          spec={SIGNPOSTING_CONFLICT}
          conflict={statusConflict}
          blocked={(latest) =>
            latest.active === statusChange.active
              ? `${latest.name} is already ${latest.active ? 'offered at triage' : 'retired'}: nothing to do.`
              : null
          }
          busy={update.isPending}
          onApply={() => {
            const latest = statusConflict.latest;
            if (latest) setActive(latest, statusChange.active);
          }}
          onDiscard={() => setStatusChange(null)}
        />
      )}
      <LiveRegion politeness={message?.tone === 'error' ? 'assertive' : 'polite'}>
        {message && (
          <Notice tone={message.tone}>
            <p>{message.text}</p>
          </Notice>
        )}
        {directory.isSuccess && (
          <p className="muted result-count">
            {items.length === 1 ? '1 service' : `${items.length} services`}, {offered} offered at triage
          </p>
        )}
      </LiveRegion>
      {directory.isPending ? (
        <Loading label="Loading the directory…" />
      ) : directory.isError ? (
        <QueryError title="The directory could not be loaded" query={directory} />
      ) : items.length === 0 ? (
        <EmptyState title="The directory is empty.">
          <p>
            Managers have nothing to choose from at triage until it has entries. Add the services people are
            most often pointed to, such as their GP or Citizens Advice, with “Add a service”.
          </p>
        </EmptyState>
      ) : (
        <SignpostingTable
          entries={items}
          busyId={update.isPending ? (update.variables?.id ?? null) : null}
          onEdit={open}
          onRetire={setRetiring}
          onRestore={(entry) => setActive(entry, true)}
        />
      )}
      <SignpostingFormDialog
        key={editing.opening}
        entry={editingEntry}
        open={editing.open}
        busy={create.isPending || update.isPending}
        problem={formProblem}
        onSubmit={save}
        onCancel={closeEditing}
      />
      <ConfirmDialog
        open={retiring !== null}
        title={`Retire ${retiring?.name ?? 'this service'}?`}
        confirmLabel="Retire service"
        tone="danger"
        busy={update.isPending}
        onCancel={() => setRetiring(null)}
        onConfirm={() => retiring && setActive(retiring, false)}
      >
        <p>It will no longer be offered when triaging referrals. You can restore it later.</p>
        <p>Referrals already signposted to it keep the record.</p>
      </ConfirmDialog>
    </section>
  );
}
