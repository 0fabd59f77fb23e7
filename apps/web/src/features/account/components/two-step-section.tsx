import { useQueryClient } from '@tanstack/react-query';
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
      <NewCodesDialog
        open={asking === 'new-codes'}
        email={email}
        onClose={() => setAsking(null)}
        onDone={(codes) => {
          setAsking(null);
          setMessage(null);
          setMode({ kind: 'new-codes', codes });
        }}
      />
      <TurnOffDialog
        open={asking === 'turn-off'}
        email={email}
        onClose={() => setAsking(null)}
        onDone={() => {
          setAsking(null);
          setMessage({
            tone: 'success',
            title: 'Two-step verification is off',
            text: 'You now sign in with your password only. Your recovery codes no longer work.',
          });
        }}
      />
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

function NewCodesDialog({
  open,
  email,
  onClose,
  onDone,
}: {
  open: boolean;
  email: string;
  onClose: () => void;
  onDone: (codes: string[]) => void;
}) {
  const regenerate = useRegenerateRecoveryCodes();
  const [password, setPassword] = useState('');
  // One object per failed attempt: the error summary takes focus whenever its problem changes.
  const problem = useMemo(() => passwordProblem(regenerate.error), [regenerate.error]);
  const { byField, summary } = useFormProblems(problem, PASSWORD_FIELDS);

  function close() {
    setPassword('');
    regenerate.reset();
    onClose();
  }

  return (
    <FormDialog
      open={open}
      title="Get new recovery codes"
      submitLabel="Get new codes"
      busyLabel="Making codes…"
      busy={regenerate.isPending}
      problems={summary}
      onCancel={close}
      onSubmit={() =>
        regenerate.mutate(password, {
          onSuccess: (answer) => {
            setPassword('');
            regenerate.reset();
            onDone(answer.recoveryCodes);
          },
          onError: () => setPassword(''),
        })
      }
    >
      <p>You get 10 new codes, shown once. The codes you have now stop working at once.</p>
      <PasswordField email={email} value={password} error={byField.password} onChange={setPassword} />
    </FormDialog>
  );
}

function TurnOffDialog({
  open,
  email,
  onClose,
  onDone,
}: {
  open: boolean;
  email: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const disable = useDisableMfa();
  const [password, setPassword] = useState('');
  // One object per failed attempt: the error summary takes focus whenever its problem changes.
  const problem = useMemo(() => passwordProblem(disable.error), [disable.error]);
  const { byField, summary } = useFormProblems(problem, PASSWORD_FIELDS);

  function close() {
    setPassword('');
    disable.reset();
    onClose();
  }

  return (
    <FormDialog
      open={open}
      title="Turn off two-step verification?"
      submitLabel="Turn off"
      busyLabel="Turning off…"
      tone="danger"
      busy={disable.isPending}
      problems={summary}
      onCancel={close}
      onSubmit={() =>
        disable.mutate(password, {
          onSuccess: () => {
            setPassword('');
            disable.reset();
            onDone();
          },
          onError: () => setPassword(''),
        })
      }
    >
      <p>
        You will sign in with your password only, and your recovery codes stop working. Anyone who learns your
        password could then sign in as you.
      </p>
      <PasswordField email={email} value={password} error={byField.password} onChange={setPassword} />
    </FormDialog>
  );
}
