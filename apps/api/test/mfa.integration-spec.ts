import { AuditService } from '../src/audit/audit.service';
import { rekeyMfaSecrets } from '../src/auth/mfa/rekey';
import { openWithAny } from '../src/auth/mfa/secret-box';
import { totp } from '../src/auth/mfa/totp';
import { loadConfig } from '../src/config/config';
import { PASSWORD, refreshCookie, startTestApp, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;

// Behind a proxy, so one test can sign in from many addresses (X-Forwarded-For).
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: '1' });
});
afterAll(() => t.close());

const type = (answer: { body: { type?: string } }) => answer.body.type?.split(':').pop();
/** The app's code one step ahead: accepted (clock drift allowance) and never the step enrolment used. */
const nextCode = (secret: string, steps = 1) => totp(secret, new Date(Date.now() + steps * 30_000));

const signIn = (email: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD, ...extra }, headers });

/** Enrols `user` (signed in as `token`): answers the secret and the recovery codes. */
async function enrol(token: string) {
  const setup = await t.request('POST', '/api/auth/mfa/setup', { token });
  expect(setup.status).toBe(200);
  const enabled = await t.request('POST', '/api/auth/mfa/enable', {
    token,
    body: { code: totp(setup.body.secret) },
  });
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret as string, recoveryCodes: enabled.body.recoveryCodes as string[] };
}

async function auditDetails(action: string, userId: string) {
  const rows = (await t.dataSource.query(
    'SELECT details FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY seq',
    [action, userId],
  )) as { details: Record<string, unknown> }[];
  return rows.map((row) => row.details);
}

describe('two-step verification is required for managers and admins', () => {
  let manager: TestUser;
  beforeAll(async () => {
    manager = await t.createUser(['MANAGER'], { mfaEnrolBy: null });
  });

  it('lets an account whose enrolment is due sign in, see itself and enrol, and nothing else', async () => {
    const login = await signIn(manager.email);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ mfaRequired: true, mfaEnabled: false, mfaEnrolBy: null });
    const token = login.body.accessToken;
    const blocked = await t.request('GET', '/api/referrals', { token });
    expect(blocked.status).toBe(403);
    expect(type(blocked)).toBe('mfa-enrolment-required');
    expect((await t.request('GET', '/api/auth/sessions', { token })).status).toBe(403);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    const status = await t.request('GET', '/api/auth/mfa', { token });
    expect(status.body).toEqual({ enabled: false, required: true, enrolBy: null, recoveryCodesRemaining: 0 });
  });

  it('enrols only with a code from the app, stores the secret encrypted, then lets the account work', async () => {
    const session = await t.login(manager.email);
    const elsewhere = await t.login(manager.email);
    const setup = await t.request('POST', '/api/auth/mfa/setup', { token: session.token });
    expect(setup.status).toBe(200);
    expect(setup.headers.get('cache-control')).toBe('no-store');
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/Beacon:${encodeURIComponent(manager.email)}?secret=${setup.body.secret}&issuer=Beacon&algorithm=SHA1&digits=6&period=30`,
    );

    const wrongCode = totp(setup.body.secret, new Date(Date.now() - 10 * 60_000));
    const wrong = await t.request('POST', '/api/auth/mfa/enable', {
      token: session.token,
      body: { code: wrongCode },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'code', message: 'is not the code your authenticator app shows now' },
    ]);
    expect((await t.request('GET', '/api/auth/mfa', { token: session.token })).body.enabled).toBe(false);

    const enabled = await t.request('POST', '/api/auth/mfa/enable', {
      token: session.token,
      body: { code: totp(setup.body.secret) },
    });
    expect(enabled.status).toBe(200);
    const codes: string[] = enabled.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);

    expect((await t.request('GET', '/api/referrals', { token: session.token })).status).toBe(200);
    // A session that never showed a second factor ends.
    expect((await t.request('GET', '/api/auth/me', { token: elsewhere.token })).status).toBe(401);

    const [row] = await t.dataSource.query(
      'SELECT mfa_secret, mfa_pending_secret, mfa_enabled_at FROM users WHERE id = $1',
      [manager.id],
    );
    expect(row.mfa_pending_secret).toBeNull();
    expect(row.mfa_enabled_at).not.toBeNull();
    expect(row.mfa_secret).toMatch(/^v1\./);
    expect(row.mfa_secret).not.toContain(setup.body.secret);
    const hashes = await t.dataSource.query('SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1', [
      manager.id,
    ]);
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(code_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(hashes)).not.toContain(codes[0].replace('-', ''));
    expect(await auditDetails('auth.mfa.enable', manager.id)).toEqual([{ otherSessionsEnded: 2 }]); // this test's other session and the one above

    const again = await t.request('POST', '/api/auth/mfa/setup', { token: session.token });
    expect(again.status).toBe(409);
    expect(type(again)).toBe('mfa-already-enabled');
  });
});

describe('signing in with two-step verification', () => {
  let user: TestUser;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    user = await t.createUser(['ADMIN'], { mfaEnrolBy: null });
    ({ secret, recoveryCodes } = await enrol((await t.login(user.email)).token));
  });

  it('asks for the code after a right password, and starts no session without it', async () => {
    const before = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1',
      [user.id],
    );
    const answer = await signIn(user.email);
    expect(answer.status).toBe(401);
    expect(type(answer)).toBe('mfa-required');
    expect(answer.body.accessToken).toBeUndefined();
    expect(refreshCookie(answer.headers)).toBeNull();
    const after = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(after).toEqual(before);
    // A wrong password still says nothing about the second step.
    const wrongPassword = await t.request('POST', '/api/auth/login', {
      body: { email: user.email, password: 'not it', code: nextCode(secret) },
    });
    expect(type(wrongPassword)).toBe('invalid-credentials');
  });

  it('accepts the current code once, refuses a wrong or replayed one, and audits each', async () => {
    const code = nextCode(secret);
    const ok = await signIn(user.email, { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ mfaEnabled: true, mfaRequired: true, mfaEnrolBy: null });
    expect((await t.request('GET', '/api/users', { token: ok.body.accessToken })).status).toBe(200);

    const replay = await signIn(user.email, { code }, { 'x-forwarded-for': '203.0.113.7' });
    expect(replay.status).toBe(401);
    expect(type(replay)).toBe('mfa-invalid');
    const stale = await signIn(user.email, { code: totp(secret, new Date(Date.now() - 5 * 60_000)) });
    expect(stale.status).toBe(401);

    const successes = await auditDetails('auth.login.success', user.id);
    expect(successes.at(-1)).toMatchObject({ mfa: 'totp' });
    const failures = await auditDetails('auth.login.failure', user.id);
    expect(failures.slice(-2).map((d) => d.reason)).toEqual(['wrong-mfa-code', 'wrong-mfa-code']);
  });

  it('signs in once with each recovery code, typed in any case with or without the hyphen', async () => {
    const typed = recoveryCodes[0].replace('-', ' ').toUpperCase();
    const ok = await signIn(user.email, { recoveryCode: typed });
    expect(ok.status).toBe(200);
    expect((await auditDetails('auth.login.success', user.id)).at(-1)).toMatchObject({
      mfa: 'recovery-code',
      recoveryCodesRemaining: 9,
    });
    const reused = await signIn(user.email, { recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(401);
    expect(type(reused)).toBe('mfa-invalid');
    const status = await t.request('GET', '/api/auth/mfa', { token: ok.body.accessToken });
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesRemaining: 9 });
  });

  it('replaces the recovery codes after the password; the old ones stop working', async () => {
    const session = await signIn(user.email, { recoveryCode: recoveryCodes[1] });
    const token = session.body.accessToken;
    const wrong = await t.request('POST', '/api/auth/mfa/recovery-codes', {
      token,
      body: { password: 'not it' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('password');
    const fresh = await t.request('POST', '/api/auth/mfa/recovery-codes', {
      token,
      body: { password: PASSWORD },
    });
    expect(fresh.status).toBe(200);
    // New codes end the account's other sessions, as any change of factor does.
    const [renewed] = (await auditDetails('auth.mfa.recovery-codes', user.id)).slice(-1);
    expect(renewed.otherSessionsEnded).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect((await signIn(user.email, { recoveryCode: recoveryCodes[2] })).status).toBe(401);
    expect((await signIn(user.email, { recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
    recoveryCodes = fresh.body.recoveryCodes.slice(1);
  });

  it('does not let a manager or admin turn it off', async () => {
    const session = await signIn(user.email, { recoveryCode: recoveryCodes[0] });
    const off = await t.request('POST', '/api/auth/mfa/disable', {
      token: session.body.accessToken,
      body: { password: PASSWORD },
    });
    expect(off.status).toBe(403);
    expect(type(off)).toBe('mfa-required-for-role');
    expect((await t.request('GET', '/api/auth/mfa', { token: session.body.accessToken })).body.enabled).toBe(
      true,
    );
  });

  it('stops a password thief guessing codes: 5 per address, 10 per account from anywhere', async () => {
    const target = await t.createUser(['MANAGER'], { mfaEnrolBy: null });
    const { secret: targetSecret } = await enrol((await t.login(target.email)).token);
    const guess = (ip: string) => signIn(target.email, { code: '000000' }, { 'x-forwarded-for': ip });
    const fromOne = [];
    for (let i = 0; i < 6; i++) fromOne.push((await guess('198.51.100.1')).status);
    expect(fromOne).toEqual([401, 401, 401, 401, 401, 429]);
    const spread = [];
    for (let i = 0; i < 6; i++) spread.push((await guess(`198.51.100.${10 + i}`)).status);
    expect(spread).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right code waits now; the answer says when to try again.
    const right = await signIn(
      target.email,
      { code: nextCode(targetSecret) },
      { 'x-forwarded-for': '198.51.100.99' },
    );
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('advocates may choose two-step verification', () => {
  it('is optional, and turns off with the password', async () => {
    const advocate = await t.createUser(['ADVOCATE'], { mfaEnrolBy: null });
    const session = await t.login(advocate.email);
    expect((await t.request('GET', '/api/referrals', { token: session.token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/mfa', { token: session.token })).body).toEqual({
      enabled: false,
      required: false,
      enrolBy: null,
      recoveryCodesRemaining: 0,
    });
    const { secret } = await enrol(session.token);
    expect((await signIn(advocate.email)).status).toBe(401);
    const wrong = await t.request('POST', '/api/auth/mfa/disable', {
      token: session.token,
      body: { password: 'not it' },
    });
    expect(wrong.status).toBe(400);
    expect((await signIn(advocate.email, { code: nextCode(secret) })).status).toBe(200);
    const off = await t.request('POST', '/api/auth/mfa/disable', {
      token: session.token,
      body: { password: PASSWORD },
    });
    expect(off.status).toBe(204);
    expect((await signIn(advocate.email)).status).toBe(200);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1', [
        advocate.id,
      ]),
    ).toEqual([{ n: 0 }]);
    // The session that signed in with the code (above) ended when the factor went.
    expect(await auditDetails('auth.mfa.disable', advocate.id)).toEqual([{ otherSessionsEnded: 1 }]);
  });

  it('becomes required when an advocate is made a manager', async () => {
    const admin = await t.login((await t.createUser(['ADMIN'])).email);
    const advocate = await t.createUser(['ADVOCATE'], { mfaEnrolBy: null });
    const session = await t.login(advocate.email);
    const account = await t.request('GET', `/api/users/${advocate.id}`, { token: admin.token });
    expect(account.body.mfaEnabled).toBe(false);
    const promoted = await t.request('PATCH', `/api/users/${advocate.id}`, {
      token: admin.token,
      body: { roles: ['ADVOCATE', 'MANAGER'], version: account.body.version },
    });
    expect(promoted.status).toBe(200);
    const next = await t.request('GET', '/api/referrals', { token: session.token });
    expect(next.status).toBe(403);
    expect(type(next)).toBe('mfa-enrolment-required');
  });
});

describe('an admin resets a lost second factor', () => {
  it('clears it, ends the sessions, and the account enrols again at its next sign-in', async () => {
    const admin = await t.login((await t.createUser(['ADMIN'])).email);
    const manager = await t.createUser(['MANAGER'], { mfaEnrolBy: null });
    const first = await t.login(manager.email);
    const { secret } = await enrol(first.token);
    const listed = await t.request('GET', `/api/users/${manager.id}`, { token: admin.token });
    expect(listed.body.mfaEnabled).toBe(true);

    const reset = await t.request('DELETE', `/api/users/${manager.id}/mfa`, { token: admin.token });
    expect(reset.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: first.token })).status).toBe(401);
    expect(await auditDetails('user.mfa.reset', manager.id)).toEqual([
      { wasEnabled: true, sessionsEnded: 1 },
    ]);

    // The old code is no longer asked for, and the account can do nothing but enrol.
    const login = await signIn(manager.email, { code: nextCode(secret) });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ mfaEnabled: false, mfaRequired: true });
    expect((await t.request('GET', '/api/referrals', { token: login.body.accessToken })).status).toBe(403);

    const missing = await t.request('DELETE', '/api/users/00000000-0000-4000-8000-000000000000/mfa', {
      token: admin.token,
    });
    expect(missing.status).toBe(404);
  });

  it('gives new managers and admins the configured grace before enrolment is due', async () => {
    const admin = await t.login((await t.createUser(['ADMIN'])).email);
    const created = await t.request('POST', '/api/users', {
      token: admin.token,
      body: {
        email: 'new.manager@example.org',
        displayName: 'New Manager',
        roles: ['MANAGER'],
        password: 'walnut kettle lighthouse',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.mfaEnabled).toBe(false);
    // MFA_ENROLMENT_GRACE_DAYS is 0 here: due at the first sign-in.
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'new.manager@example.org', password: 'walnut kettle lighthouse' },
    });
    expect(login.body.user.mfaEnrolBy).toBeNull();
    expect((await t.request('GET', '/api/referrals', { token: login.body.accessToken })).status).toBe(403);

    // A manager inside their grace works, and is told the deadline.
    const graced = await t.createUser(['MANAGER'], { mfaEnrolBy: new Date(Date.now() + 7 * 86_400_000) });
    const inGrace = await signIn(graced.email);
    expect(Date.parse(inGrace.body.user.mfaEnrolBy)).toBeGreaterThan(Date.now());
    expect((await t.request('GET', '/api/referrals', { token: inGrace.body.accessToken })).status).toBe(200);

    // Resetting an unfinished setup clears it but keeps the deadline; with nothing set up, 409.
    await t.request('POST', '/api/auth/mfa/setup', { token: inGrace.body.accessToken });
    const reset = await t.request('DELETE', `/api/users/${graced.id}/mfa`, { token: admin.token });
    expect(reset.status).toBe(204);
    const after = await t.request('GET', '/api/auth/mfa', { token: (await t.login(graced.email)).token });
    expect(after.body).toMatchObject({ enabled: false, enrolBy: inGrace.body.user.mfaEnrolBy });
    const nothing = await t.request('DELETE', `/api/users/${graced.id}/mfa`, { token: admin.token });
    expect(nothing.status).toBe(409);
  });
});

describe('rotating MFA_ENCRYPTION_KEY', () => {
  // The test app runs with the development key (no MFA_ENCRYPTION_KEY set).
  const DEV_KEY = 'beacon-development-only-mfa-key-not-for-real-data';
  const keyOf = (raw: string) =>
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused@localhost/unused',
      MFA_ENCRYPTION_KEY: raw,
    }).auth.mfaKey;
  const [oldKey, newKey] = [keyOf(DEV_KEY), keyOf('n'.repeat(40))];
  const storedSecret = async (id: string) =>
    (
      (await t.dataSource.query('SELECT mfa_secret FROM users WHERE id = $1', [id])) as {
        mfa_secret: string;
      }[]
    )[0].mfa_secret;

  it('re-seals every secret under the new key, and answers a clear error for one no key opens', async () => {
    const advocate = await t.createUser(['ADVOCATE']);
    const { secret } = await enrol((await t.login(advocate.email)).token);
    const audit = t.app.get(AuditService);

    const rotated = await rekeyMfaSecrets(t.dataSource, audit, [newKey, oldKey]);
    expect(rotated.resealed).toBeGreaterThanOrEqual(1);
    expect(rotated.unreadable).toEqual([]);
    expect(openWithAny([newKey], await storedSecret(advocate.id), advocate.id)?.plaintext).toBe(secret);
    expect(openWithAny([oldKey], await storedSecret(advocate.id), advocate.id)).toBeNull();
    const [event] = (await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'mfa.rekey' ORDER BY seq DESC LIMIT 1`,
    )) as { details: { resealed: number } }[];
    expect(event.details.resealed).toBe(rotated.resealed);

    // This app still has only the old key: the sign-in fails with a clear error, and changes nothing.
    const refused = await signIn(advocate.email, { code: nextCode(secret) });
    expect(refused.status).toBe(500);
    expect(type(refused)).toBe('mfa-secret-unreadable');

    // A second run with neither key names the account and leaves it as it is.
    const stored = await storedSecret(advocate.id);
    const stuck = await rekeyMfaSecrets(t.dataSource, audit, [keyOf('x'.repeat(40)), keyOf('y'.repeat(40))]);
    expect(stuck.unreadable).toContain(advocate.id);
    expect(await storedSecret(advocate.id)).toBe(stored);

    // Rotating back (this app's key current, the other previous): nothing is already current, all re-sealed.
    const back = await rekeyMfaSecrets(t.dataSource, audit, [oldKey, newKey]);
    expect(back.unreadable).toEqual([]);
    expect(back.current).toBe(0);
    const login = await signIn(advocate.email, { code: nextCode(secret) });
    expect(login.status).toBe(200);
  });

  it('signs in with a secret sealed under MFA_ENCRYPTION_KEY_PREVIOUS while the rotation is under way', async () => {
    const rotating = await startTestApp({
      MFA_ENCRYPTION_KEY: 'n'.repeat(40),
      MFA_ENCRYPTION_KEY_PREVIOUS: DEV_KEY,
    });
    try {
      const advocate = await rotating.createUser(['ADVOCATE']);
      const session = await rotating.login(advocate.email);
      const setup = await rotating.request('POST', '/api/auth/mfa/setup', { token: session.token });
      const secret = setup.body.secret as string;
      expect(
        (
          await rotating.request('POST', '/api/auth/mfa/enable', {
            token: session.token,
            body: { code: totp(secret) },
          })
        ).status,
      ).toBe(200);
      // Seal it under the previous key, as before the rotation.
      await rekeyMfaSecrets(rotating.dataSource, rotating.app.get(AuditService), [oldKey, newKey]);
      const login = await rotating.request('POST', '/api/auth/login', {
        body: { email: advocate.email, password: PASSWORD, code: nextCode(secret) },
      });
      expect(login.status).toBe(200);
    } finally {
      await rotating.close();
    }
  });
});
