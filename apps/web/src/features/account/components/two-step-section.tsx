import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { MessageRegion, Notice, type Message } from '../../../components/notice';
import { Loading } from '../../../components/status';
import { reloadUser } from '../../../lib/api';
import { formatLongDay } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { TWO_STEP_SECTION_ID } from '../../../lib/two-step';
import { useDisableMfa } from '../api/disable-mfa';
import { mfaStatusKey, useMfaStatus } from '../api/get-mfa-status';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes';
import { passwordProblem } from '../utils/password-form';
import { recoveryCodesWarning } from '../utils/two-step';
import { RecoveryCodes } from './recovery-codes';
import { SetupFlow } from './setup-flow';
import { QueryError } from '../../../components/query-error';

type Mode = { kind: 'idle' } | { kind: 'setting-up' } | { kind: 'new-codes'; codes: string[] };

/** The account page's "Two-step verification": its state, setting it up, new recovery codes, turning it off. */
export function TwoStepSection({ email }: { email: string }) {
  const status = useMfaStatus();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [asking, setAsking] = useState<'new-codes' | 'turn-off' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableMfa();

  async function finishSetup() {
    setMode({ kind: 'idle' });
    setMessage({
      tone: 'success',
      title: 'Two-step verification is on',
      text: 'Each time you sign in, Beacon will ask for a code from your authenticator app. Any other sessions of yours have been signed out.',
    });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: mfaStatusKey }),
      // The shell's reminder goes once the session knows.
      reloadUser().catch(() => undefined),
    ]);
  }

  let body: ReactNode;
  if (status.isPending) body = <Loading label="Checking two-step verification…" />;
  else if (status.isError)
    body = <QueryError title="Two-step verification could not be checked" query={status} />;
  else if (mode.kind === 'setting-up')
    body = (
      <SetupFlow account={email} level={3} onDone={finishSetup} onCancel={() => setMode({ kind: 'idle' })} />
    );
  else if (mode.kind === 'new-codes')
    body = (
      <RecoveryCodes
        codes={mode.codes}
        account={email}
        level={3}
        title="Your new recovery codes"
        onDone={() => {
          setMode({ kind: 'idle' });
          setMessage({ tone: 'success', text: 'New recovery codes saved. The old ones no longer work.' });
        }}
      />
    );
  else {
    const { enabled, required, enrolBy, recoveryCodesRemaining } = status.data;
    const warning = enabled ? recoveryCodesWarning(recoveryCodesRemaining) : null;
    body = (
      <>
        <dl className="summary-list summary-list--plain">
          <div>
            <dt>Status</dt>
            <dd>
              <span className={enabled ? 'badge badge--ok' : 'badge badge--muted'}>
                {enabled ? 'On' : 'Off'}
              </span>
            </dd>
          </div>
          {enabled && (
            <div>
              <dt>Recovery codes left</dt>
              <dd>{recoveryCodesRemaining} of 10</dd>
            </div>
          )}
        </dl>
        {warning && (
          <Notice tone="warning" title="Recovery codes running out">
            <p>{warning}</p>
          </Notice>
        )}
        {required && !enabled && (
          <Notice tone="info" title="Your role needs two-step verification">
            <p>
              Managers and admins see every case, so their accounts need more than a password.{' '}
              {enrolBy ? `Set it up by ${formatLongDay(enrolBy)}.` : 'Set it up now.'}
            </p>
          </Notice>
        )}
        {required && enabled && (
          <p className="muted">
            Managers and admins must keep two-step verification on. To move it to a new phone, ask an admin to
            reset it, then set it up again.
          </p>
        )}
        <div className="actions actions--tight">
          {enabled ? (
            <>
              <Button onClick={() => setAsking('new-codes')}>Get new recovery codes</Button>
              {!required && (
                <Button variant="danger" onClick={() => setAsking('turn-off')}>
                  Turn off
                </Button>
              )}
            </>
          ) : (
            <Button
              variant="primary"
              onClick={() => {
                setMessage(null);
                setMode({ kind: 'setting-up' });
              }}
            >
              Set up two-step verification
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <section
      id={TWO_STEP_SECTION_ID}
      tabIndex={-1}
      className="card two-step"
      aria-labelledby="two-step-title"
    >
      <h2 id="two-step-title" className="section-title">
        Two-step verification
      </h2>
      <p className="muted">
        When you sign in, Beacon asks for a code from an authenticator app on your phone as well as your
        password, so someone who learns your password still cannot sign in as you.
      </p>
      <MessageRegion message={message} />
      {body}
      <PasswordConfirmDialog
        open={asking === 'new-codes'}
        email={email}
        mutation={regenerate}
        title="Get new recovery codes"
        submitLabel="Get new codes"
        busyLabel="Making codes…"
        onClose={() => setAsking(null)}
        onDone={(answer) => {
          setAsking(null);
          setMessage(null);
          setMode({ kind: 'new-codes', codes: answer.recoveryCodes });
        }}
      >
        <p>You get 10 new codes, shown once. The codes you have now stop working at once.</p>
      </PasswordConfirmDialog>
      <PasswordConfirmDialog
        open={asking === 'turn-off'}
        email={email}
        mutation={disable}
        title="Turn off two-step verification?"
        submitLabel="Turn off"
        busyLabel="Turning off…"
        tone="danger"
        onClose={() => setAsking(null)}
        onDone={() => {
          setAsking(null);
          setMessage({
            tone: 'success',
            title: 'Two-step verification is off',
            text: 'You now sign in with your password only. Your recovery codes no longer work.',
          });
        }}
      >
        <p>
          You will sign in with your password only, and your recovery codes stop working. Anyone who learns
          your password could then sign in as you.
        </p>
      </PasswordConfirmDialog>
    </section>
  );
}

const PASSWORD_FIELDS = { password: { id: 'mfa-password', label: 'Password' } };

/** The password, to confirm it is the account's owner making the change. */
function PasswordField({
  email,
  value,
  error,
  onChange,
}: {
  email: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id={PASSWORD_FIELDS.password.id}
        label="Password"
        hint="Your current password, to confirm it is you."
        type="password"
        autoComplete="current-password"
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

/** A dialog that asks for the password before an action on the account's second step. */
function PasswordConfirmDialog<T>({
  open,
  email,
  mutation,
  title,
  submitLabel,
  busyLabel,
  tone,
  onClose,
  onDone,
  children,
}: {
  open: boolean;
  email: string;
  mutation: UseMutationResult<T, Error, string>;
  title: string;
  submitLabel: string;
  busyLabel: string;
  tone?: 'danger';
  onClose: () => void;
  onDone: (answer: T) => void;
  children: ReactNode;
}) {
  const [password, setPassword] = useState('');
  // One object per failed attempt: the error summary takes focus whenever its problem changes.
  const problem = useMemo(() => passwordProblem(mutation.error), [mutation.error]);
  const { byField, summary } = useFormProblems(problem, PASSWORD_FIELDS);

  function close() {
    setPassword('');
    mutation.reset();
    onClose();
  }

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      busyLabel={busyLabel}
      tone={tone}
      busy={mutation.isPending}
      problems={summary}
      onCancel={close}
      onSubmit={() =>
        mutation.mutate(password, {
          onSuccess: (answer) => {
            setPassword('');
            mutation.reset();
            onDone(answer);
          },
          onError: () => setPassword(''),
        })
      }
    >
      {children}
      <PasswordField email={email} value={password} error={byField.password} onChange={setPassword} />
    </FormDialog>
  );
}
