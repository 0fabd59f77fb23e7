import { PASSWORD, startTestApp, type TestApp } from './helpers/test-app';

// The SPA on its own origin (APP_ORIGIN), the API on another: only that origin is let in.
const APP_ORIGIN = 'https://beacon.example.org';
let t: TestApp;
beforeAll(async () => {
  // As over HTTPS: the refresh cookie is Secure, so it carries the __Secure- prefix.
  t = await startTestApp({ APP_ORIGIN, COOKIE_SECURE: 'true' });
});
afterAll(() => t.close());

const preflight = (origin: string) =>
  t.request('OPTIONS', '/api/referrals', {
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });

describe('CORS', () => {
  it('lets the app’s origin call with credentials and the headers the SPA sends', async () => {
    const answer = await preflight(APP_ORIGIN);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const read = await t.request('GET', '/api/health', { headers: { origin: APP_ORIGIN } });
    expect(read.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('gives any other origin no CORS headers, so browsers keep it out', async () => {
    for (const origin of ['https://evil.example', 'https://beacon.example.org.evil.example', 'null']) {
      const answer = await preflight(origin);
      // Without Access-Control-Allow-Origin the browser refuses the request, credentials or not.
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const read = await t.request('GET', '/api/health', { headers: { origin } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CSRF on the cookie routes', () => {
  const login = (headers: Record<string, string>) =>
    t.request('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD }, headers });
  let user: { email: string };
  beforeAll(async () => {
    user = await t.createUser(['ADVOCATE']);
  });

  it('names the Secure cookie with the __Secure- prefix, and reads it back under that name', async () => {
    const answer = await login({ origin: APP_ORIGIN });
    const line = answer.headers.getSetCookie().find((l) => l.startsWith('__Secure-beacon_refresh='));
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/HttpOnly/);
    const value = /^__Secure-beacon_refresh=([^;]+)/.exec(line!)![1];
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookie: `__Secure-beacon_refresh=${value}`,
      headers: { origin: APP_ORIGIN },
    });
    expect(refreshed.status).toBe(200);
    const plain = await t.request('POST', '/api/auth/refresh', { cookie: `beacon_refresh=${value}` });
    expect(plain.status).toBe(401);
  });

  it('accepts the app’s origin and the API’s own', async () => {
    expect((await login({ origin: APP_ORIGIN, 'sec-fetch-site': 'same-site' })).status).toBe(200);
    expect((await login({ origin: t.baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses another site, an opaque origin, and a browser saying cross-site', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: t.baseUrl, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const answer = await login(headers);
      expect(answer.status).toBe(403);
      expect(answer.body.type).toBe('urn:beacon:problem:cross-origin');
    }
    const session = await t.login(user.email);
    const refresh = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(refresh.status).toBe(403);
    // The refused request did not spend the refresh token.
    const ok = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: APP_ORIGIN },
    });
    expect(ok.status).toBe(200);
  });
});
