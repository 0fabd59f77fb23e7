import { createHmac } from 'node:crypto';
import { THROTTLE } from '../src/auth/login-throttle.service';
import {
  PASSWORD,
  refreshCookie,
  setCookieLine,
  startTestApp,
  type TestApp,
  type TestUser,
} from './helpers/test-app';

let t: TestApp;
let advocate: TestUser;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: '1' });
  advocate = await t.createUser(['ADVOCATE'], { email: 'sam.taylor@example.org', displayName: 'Sam Taylor' });
});
afterAll(() => t.close());

const auditActions = async (userId: string) =>
  (await t.dataSource.query('SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY seq', [
    userId,
  ])) as {
    action: string;
    details: Record<string, unknown>;
  }[];

describe('POST /api/auth/login', () => {
  it('signs in with any capitalisation of the email and sets a strict, httpOnly refresh cookie', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: '  Sam.Taylor@Example.ORG ', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: {
        id: advocate.id,
        email: 'sam.taylor@example.org',
        displayName: 'Sam Taylor',
        roles: ['ADVOCATE'],
        passwordChangeRequired: false,
        mfaEnabled: false,
        mfaRequired: false,
        mfaEnrolBy: null,
      },
    });
    const cookie = setCookieLine(res.headers)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [header, payload] = (res.body.accessToken as string)
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: advocate.id, iss: 'beacon', aud: 'beacon-api' });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    expect((await auditActions(advocate.id)).map((a) => a.action)).toContain('auth.login.success');
  });

  it('answers a wrong password and an unknown email identically, and audits both', async () => {
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: advocate.email, password: 'not-the-password' },
      headers: { 'x-forwarded-for': '10.9.0.1' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'whatever-it-is' },
      headers: { 'x-forwarded-for': '10.9.0.1' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.type).toBe(unknown.body.type);
    expect(setCookieLine(wrong.headers)).toBeUndefined();
    const failures = await t.dataSource.query(
      `SELECT entity_id, details FROM audit_events WHERE action = 'auth.login.failure' ORDER BY seq`,
    );
    expect(failures).toEqual(
      expect.arrayContaining([
        { entity_id: advocate.id, details: { email: advocate.email, reason: 'wrong-password' } },
        { entity_id: null, details: { email: 'nobody@example.org', reason: 'unknown-email' } },
      ]),
    );
  });

  it('refuses a deactivated account with the same answer', async () => {
    const inactive = await t.createUser(['ADVOCATE'], { active: false });
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: inactive.email, password: PASSWORD },
    });
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('The email address or password is not right.');
  });
});

describe('login throttling', () => {
  it(`answers 429 after ${THROTTLE.perAccountAndIp} failures for one account from one address, without locking the real user out elsewhere`, async () => {
    const victim = await t.createUser(['MANAGER']);
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < THROTTLE.perAccountAndIp; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: victim.email, password: `guess-${i}-xxxx` },
        headers: attacker,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', {
      body: { email: victim.email, password: PASSWORD },
      headers: attacker,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.type).toBe('urn:beacon:problem:too-many-sign-in-attempts');
    // The real user, on the ward's network, still signs in.
    const real = await t.request('POST', '/api/auth/login', {
      body: { email: victim.email, password: PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.20' },
    });
    expect(real.status).toBe(200);
  });

  it('limits one address across many accounts', async () => {
    const ip = { 'x-forwarded-for': '192.0.2.99' };
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await t.request('POST', '/api/auth/login', {
        body: { email: `spray${i}@example.org`, password: 'password-spray' },
        headers: ip,
      });
    }
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: advocate.email, password: PASSWORD },
      headers: ip,
    });
    expect(res.status).toBe(429);
  });

  it('forgets earlier failures of a pair once it signs in successfully', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const ip = { 'x-forwarded-for': '198.51.100.77' };
    for (let i = 0; i < THROTTLE.perAccountAndIp - 1; i++) {
      await t.request('POST', '/api/auth/login', {
        body: { email: user.email, password: 'typo-typo-typo' },
        headers: ip,
      });
    }
    await t.login(user.email, PASSWORD, ip);
    for (let i = 0; i < THROTTLE.perAccountAndIp - 1; i++) {
      await t.request('POST', '/api/auth/login', {
        body: { email: user.email, password: 'typo-typo-typo' },
        headers: ip,
      });
    }
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: user.email, password: PASSWORD },
          headers: ip,
        })
      ).status,
    ).toBe(200);
  });
});

describe('access tokens', () => {
  it('lets GET /api/auth/me answer the current user', async () => {
    const session = await t.login(advocate.email);
    const res = await t.request('GET', '/api/auth/me', { token: session.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: advocate.id,
      email: advocate.email,
      displayName: 'Sam Taylor',
      roles: ['ADVOCATE'],
      passwordChangeRequired: false,
      mfaEnabled: false,
      mfaRequired: false,
      mfaEnrolBy: null,
    });
  });

  it('refuses a missing, malformed, unsigned or foreign-signed token with 401', async () => {
    const session = await t.login(advocate.email);
    const [, payload] = session.token.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const forged = `${header}.${payload}.${createHmac('sha256', 'someone-elses-secret-of-32-chars-xx').update(`${header}.${payload}`).digest('base64url')}`;
    for (const token of [undefined, 'garbage', unsigned, forged]) {
      const res = await t.request('GET', '/api/auth/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('urn:beacon:problem:unauthenticated');
    }
  });

  it('refuses a token whose issuer or audience is not Beacon’s', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const { APP_CONFIG } = await import('../src/config/config');
    const config = t.app.get(APP_CONFIG);
    const session = await t.login(advocate.email);
    const sid = JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString()).sid;
    const jwt = new JwtService({});
    for (const [issuer, audience] of [
      ['elsewhere', 'beacon-api'],
      ['beacon', 'another-api'],
    ]) {
      const token = jwt.sign(
        { sub: advocate.id, sid },
        { secret: config.auth.jwtSecret, algorithm: 'HS256', issuer, audience, expiresIn: 60 },
      );
      expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(401);
    }
  });
});

describe('refresh rotation', () => {
  it('rotates the refresh token and issues a working access token', async () => {
    const session = await t.login(advocate.email);
    const res = await t.request('POST', '/api/auth/refresh', { cookie: session.cookie });
    expect(res.status).toBe(200);
    const rotated = refreshCookie(res.headers);
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(session.refreshToken);
    expect((await t.request('GET', '/api/auth/me', { token: res.body.accessToken })).status).toBe(200);
  });

  it('revokes the whole family when a rotated token is reused, ending the thief’s and the victim’s sessions', async () => {
    const session = await t.login(advocate.email);
    const first = await t.request('POST', '/api/auth/refresh', { cookie: session.cookie });
    const successor = `beacon_refresh=${refreshCookie(first.headers)}`;
    const replay = await t.request('POST', '/api/auth/refresh', { cookie: session.cookie });
    expect(replay.status).toBe(401);
    expect(setCookieLine(replay.headers)).toMatch(/beacon_refresh=;/);
    expect((await t.request('POST', '/api/auth/refresh', { cookie: successor })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: first.body.accessToken })).status).toBe(401);
    expect((await auditActions(advocate.id)).map((a) => a.action)).toContain('auth.refresh.reuse-detected');
  });

  it('answers 401 without a cookie or with an unknown one', async () => {
    expect((await t.request('POST', '/api/auth/refresh')).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { cookie: 'beacon_refresh=made-up' })).status).toBe(
      401,
    );
  });

  it('refuses a cross-site browser request on the cookie routes', async () => {
    const session = await t.login(advocate.email);
    const res = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    const sameSite = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: t.baseUrl },
    });
    expect(sameSite.status).toBe(200);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the refresh token and the access token stop working', async () => {
    const session = await t.login(advocate.email);
    const res = await t.request('POST', '/api/auth/logout', { cookie: session.cookie });
    expect(res.status).toBe(204);
    expect(setCookieLine(res.headers)).toMatch(/beacon_refresh=;/);
    expect((await t.request('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await auditActions(advocate.id)).map((a) => a.action)).toContain('auth.logout');
  });

  it('answers 204 with no session at all', async () => {
    expect((await t.request('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('leaves the user’s other sessions alone', async () => {
    const tablet = await t.login(advocate.email);
    const laptop = await t.login(advocate.email);
    await t.request('POST', '/api/auth/logout', { cookie: tablet.cookie });
    expect((await t.request('GET', '/api/auth/me', { token: laptop.token })).status).toBe(200);
  });
});
