import { isProblem } from '@beacon/api-client';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { errorText } from '../../../lib/problems';
import { TextField } from '../../../components/fields';
import { LiveRegion, Notice } from '../../../components/notice';
import { useSignIn } from '../api/sign-in';

function signInErrorText(error: unknown): string {
  // Never say which of the two was wrong: that would tell a stranger which addresses have accounts.
  if (isProblem(error, 401)) return 'The email address or password is not right.';
  return errorText(error);
}

export function SignInForm({ notice }: { notice?: string }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate({ email: email.trim(), password }, { onError: () => setPassword('') });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby="sign-in-message">
      <LiveRegion id="sign-in-message" politeness={signIn.isError ? 'assertive' : 'polite'}>
        {signIn.isError ? (
          <Notice tone="error" title="You are not signed in">
            <p>{signInErrorText(signIn.error)}</p>
          </Notice>
        ) : notice ? (
          <Notice tone="info">
            <p>{notice}</p>
          </Notice>
        ) : null}
      </LiveRegion>
      <TextField
        id="email"
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        id="password"
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
  );
}
