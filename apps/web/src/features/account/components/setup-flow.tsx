import { ProblemError } from '@beacon/api-client';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { Loading } from '../../../components/status';
import { errorText, isProblemType, useFormProblems } from '../../../lib/problems';
import { normaliseCode } from '../../../lib/two-step';
import { useEnableMfa } from '../api/enable-mfa';
import { useSetupMfa } from '../api/setup-mfa';
import { groupSecret } from '../utils/two-step';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';

const FIELDS = { code: { id: 'mfa-setup-code', label: 'Code from the app' } };

/**
 * Setting up two-step verification, start to finish: a new secret as a QR code and as a key to
 * type, the app's code to prove it works, then the recovery codes, shown once. `onDone` is called
 * only when the person says the codes are saved, so nothing moves them off the screen before.
 */
export function SetupFlow({
  account,
  level = 2,
  onDone,
  onCancel,
}: {
  /** The signed-in person's email address (named in the recovery codes file). */
  account: string;
  /** The level of this flow's headings under the page's or section's own. */
  level?: 2 | 3;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const setup = useSetupMfa();
  const enable = useEnableMfa();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<unknown>(null);
  const started = useRef(false);
  const Heading = level === 2 ? 'h2' : 'h3';

  const start = setup.mutate;
  useEffect(() => {
    // Once per mount, also under StrictMode's second effect run: a second secret would replace the first.
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const problem = useMemo(() => checked ?? enable.error, [checked, enable.error]);
  const { byField, summary } = useFormProblems(problem, FIELDS);

  if (enable.isSuccess) {
    return (
      <RecoveryCodes
        codes={enable.data.recoveryCodes}
        account={account}
        level={level}
        title="Two-step verification is on: now save your recovery codes"
        onDone={onDone}
      />
    );
  }

  if (setup.isPending || setup.isIdle) return <Loading label="Making your setup key…" />;

  if (setup.isError) {
    if (isProblemType(setup.error, 'mfa-already-enabled')) {
      return (
        <Notice tone="info" title="Two-step verification is already on">
          <p>It was turned on for your account, perhaps in another tab.</p>
          <Button variant="primary" onClick={onDone}>
            Continue
          </Button>
        </Notice>
      );
    }
    return (
      <Notice tone="error" title="Setting up could not start">
        <p>{errorText(setup.error)}</p>
        <Button onClick={() => setup.mutate()}>Try again</Button>
      </Notice>
    );
  }

  const { secret, otpauthUri } = setup.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (enable.isPending) return;
    const typed = normaliseCode(code);
    if (!/^\d{6}$/.test(typed)) {
      enable.reset();
      setChecked(
        new ProblemError(400, {
          errors: [
            {
              field: 'code',
              message: typed ? 'must be 6 digits, like 123456' : 'is empty: enter the 6 digits the app shows',
            },
          ],
        }),
      );
      return;
    }
    setChecked(null);
    enable.mutate(typed, { onError: () => setCode('') });
  }

  return (
    <div className="setup-flow">
      <ol className="setup-flow__steps">
        <li>
          <Heading className="subheading">Get an authenticator app</Heading>
          <p>
            If you do not have one yet, install an authenticator app on your phone, such as Microsoft
            Authenticator or Google Authenticator, from your phone’s app store.
          </p>
        </li>
        <li>
          <Heading className="subheading">Add Beacon to the app</Heading>
          <p>In the app, add an account and scan this QR code.</p>
          <QrCode text={otpauthUri} label="QR code to add Beacon to your authenticator app" />
          <div className="setup-key" role="group" aria-labelledby="mfa-setup-key-label">
            <p id="mfa-setup-key-label" className="field__label">
              Or enter this key
            </p>
            <p className="field__hint">
              If you cannot scan the code, choose to enter a setup key in the app, and type this key. Spaces
              do not matter.
            </p>
            <p className="setup-key__value">
              <code>{groupSecret(secret)}</code>
            </p>
          </div>
        </li>
        <li>
          <Heading className="subheading">Enter the code the app shows</Heading>
          <form className="form" onSubmit={submit} noValidate aria-label="Turn on two-step verification">
            <ErrorSummary items={summary} />
            <TextField
              id={FIELDS.code.id}
              label="Code from the app"
              hint="The 6 digits the app shows for Beacon. They change every 30 seconds."
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={9}
              className="field--code"
              value={code}
              error={byField.code}
              onChange={(event) => setCode(event.target.value)}
            />
            <div className="actions">
              <Button type="submit" variant="primary" disabled={enable.isPending}>
                {enable.isPending ? 'Turning on…' : 'Turn on'}
              </Button>
              {onCancel && (
                <Button onClick={onCancel} disabled={enable.isPending}>
                  Cancel
                </Button>
              )}
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
