import { useEffect, useReducer, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/fields';
import { LiveRegion, Notice } from '../../../components/notice';
import { isProblemType } from '../../../lib/problems';
import { useSignIn } from '../api/sign-in';
import {
  START,
  nextSignInStep,
  secondFactorBody,
  secondFactorDraftProblem,
  signInProblem,
  type SignInStep,
} from '../utils/sign-in-steps';

type SignInMutation = ReturnType<typeof useSignIn>;

const FIELD_IDS = { email: 'email', password: 'password', code: 'code', 'recovery-code': 'recovery-code' };

function focusField(id: string) {
  document.getElementById(id)?.focus();
}

/**
 * Signing in: email and password, then (for an account with two-step verification) the code
 * from the authenticator app or a recovery code. One request answers each step; the session
 * changes on success and the page hands over to where the person was going.
 */
export function SignInForm({ notice }: { notice?: string }) {
  const signIn = useSignIn();
  const [step, dispatch] = useReducer(nextSignInStep, START);
  const [email, setEmail] = useState('');

  if (step.step === 'second-factor') {
    return (
      <SecondFactorForm
        step={step}
        signIn={signIn}
        onRefused={(error) =>
          dispatch({ type: 'refused', error, email: step.email, password: step.password })
        }
        onSwitch={() => {
          signIn.reset();
          dispatch({ type: 'switch-method' });
        }}
        onBack={() => {
          signIn.reset();
          dispatch({ type: 'back' });
        }}
      />
    );
  }
  return (
    <PasswordForm
      email={email}
      onEmailChange={setEmail}
      notice={notice}
      signIn={signIn}
      onRefused={(error, credentials) => dispatch({ type: 'refused', error, ...credentials })}
    />
  );
}

function PasswordForm({
  email,
  onEmailChange,
  notice,
  signIn,
  onRefused,
}: {
  email: string;
  onEmailChange: (email: string) => void;
  notice?: string;
  signIn: SignInMutation;
  onRefused: (error: unknown, credentials: { email: string; password: string }) => void;
}) {
  const [password, setPassword] = useState('');
  // Being asked for the code is the next step, not a failure.
  const error = signIn.isError && !isProblemType(signIn.error, 'mfa-required') ? signIn.error : null;

  // Back from the second step (the email address is still there): on to the password.
  const [returned] = useState(() => email !== '');
  useEffect(() => {
    if (returned) focusField(FIELD_IDS.password);
  }, [returned]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const credentials = { email: email.trim(), password };
    signIn.mutate(credentials, {
      onError: (failure) => {
        setPassword('');
        onRefused(failure, credentials);
      },
    });
  }

  return (
    <>
      <p className="muted">Use the email address and password for your work account.</p>
      <form className="form" onSubmit={submit} noValidate aria-describedby="sign-in-message">
        <LiveRegion id="sign-in-message" politeness={error ? 'assertive' : 'polite'}>
          {error ? (
            <Notice tone="error" title="You are not signed in">
              <p>{signInProblem(error).text}</p>
            </Notice>
          ) : notice ? (
            <Notice tone="info">
              <p>{notice}</p>
            </Notice>
          ) : null}
        </LiveRegion>
        <TextField
          id={FIELD_IDS.email}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          onChange={(event) => onEmailChange(event.target.value)}
        />
        <TextField
          id={FIELD_IDS.password}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={signIn.isPending} className="button--wide">
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </div>
      </form>
    </>
  );
}

const METHOD_TEXT = {
  code: {
    title: 'Enter the 6-digit code from your authenticator app',
    intro: 'Open the authenticator app on your phone and find Beacon. The code changes every 30 seconds.',
    label: 'Authentication code',
    switchTo: 'Use a recovery code instead',
  },
  'recovery-code': {
    title: 'Enter a recovery code',
    intro:
      'Use one of the recovery codes you saved when you set up two-step verification. Each code works once.',
    label: 'Recovery code',
    switchTo: 'Use the code from your app instead',
  },
} as const;

function SecondFactorForm({
  step,
  signIn,
  onRefused,
  onSwitch,
  onBack,
}: {
  step: Extract<SignInStep, { step: 'second-factor' }>;
  signIn: SignInMutation;
  onRefused: (error: unknown) => void;
  onSwitch: () => void;
  onBack: () => void;
}) {
  const { method } = step;
  const text = METHOD_TEXT[method];
  const fieldId = FIELD_IDS[method];
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  // Each refusal is announced, even when it says the same as the last one.
  const [attempt, setAttempt] = useState(0);

  // The field takes focus when this step appears, and when the other kind of code is chosen.
  useEffect(() => {
    focusField(fieldId);
  }, [fieldId]);

  const failure =
    signIn.isError && !isProblemType(signIn.error, 'mfa-required') ? signInProblem(signIn.error) : null;
  const problem = checked ? { about: 'field' as const, text: checked } : failure;
  const fieldError = problem?.about === 'field' ? problem.text : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    setAttempt((n) => n + 1);
    const draft = secondFactorDraftProblem(method, value);
    if (draft) {
      signIn.reset();
      setChecked(draft);
      focusField(fieldId);
      return;
    }
    setChecked(null);
    signIn.mutate(secondFactorBody(step, value), {
      onError: (error) => {
        setValue('');
        onRefused(error);
        focusField(fieldId);
      },
    });
  }

  function switchMethod() {
    setValue('');
    setChecked(null);
    onSwitch();
  }

  return (
    <div className="second-step">
      <p className="second-step__back">
        <Button variant="link" onClick={onBack} disabled={signIn.isPending}>
          Back<span className="visually-hidden"> to email and password</span>
        </Button>
      </p>
      <h2 id="second-step-title" className="section-title second-step__title">
        {text.title}
      </h2>
      <p className="muted">{text.intro}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="second-step-title">
        <LiveRegion politeness="assertive">
          {problem?.about === 'form' ? (
            <Notice tone="error" title="You are not signed in">
              <p>{problem.text}</p>
            </Notice>
          ) : problem ? (
            <span key={attempt} className="visually-hidden">
              Error: {problem.text}
            </span>
          ) : null}
        </LiveRegion>
        {method === 'code' ? (
          <TextField
            key="code"
            id={fieldId}
            label={text.label}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            maxLength={9}
            className="field--code"
            value={value}
            error={fieldError}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : (
          <TextField
            key="recovery-code"
            id={fieldId}
            label={text.label}
            hint="For example, abcde-fghjk"
            name="recovery-code"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={40}
            className="field--code"
            value={value}
            error={fieldError}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={signIn.isPending} className="button--wide">
            {signIn.isPending ? 'Verifying…' : 'Verify'}
          </Button>
        </div>
        <p className="second-step__switch">
          <Button variant="link" onClick={switchMethod} disabled={signIn.isPending}>
            {text.switchTo}
          </Button>
        </p>
      </form>
      <p className="muted second-step__help">
        Lost your phone and your recovery codes? Ask an admin in your team to reset your two-step
        verification.
      </p>
    </div>
  );
}
