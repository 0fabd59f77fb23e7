import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { describeRoutes } from '../src/auth/route-policy.check';
import { pendingSchemaChanges } from '../src/database/data-source';
import { startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('answers ok with the database up, without a token', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });
});

describe('problem details for every error', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.request('GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'urn:beacon:problem:not-found',
      title: 'Not found',
      status: 404,
      instance: '/api/no-such-thing',
    });
    expect(typeof res.body.detail).toBe('string');
  });

  it('answers malformed JSON with 400 and no parser internals', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('The request body is not valid JSON.');
  });

  it('answers an oversize body with 413', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@example.org', password: 'x'.repeat(200_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, type: 'urn:beacon:problem:payload-too-large' });
  });

  it('lists every bad field, unknown fields included', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { emal: 'x', password: 5 } });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'emal', 'password']);
    expect(res.body.errors).toContainEqual({ field: 'emal', message: 'is not an accepted field' });
    expect(res.body.errors).toContainEqual({ field: 'password', message: 'must be a string' });
  });

  it('never leaks a stack trace', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      rawBody: '[',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('cross-cutting headers', () => {
  it('tells browsers and proxies not to keep any API answer', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const session = await t.login(user.email);
    for (const path of ['/api/referrals', '/api/auth/me', '/api/nowhere']) {
      const answer = await t.request('GET', path, { token: session.token });
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('etag')).toBeNull(); // nothing to revalidate, so no body hashed
    }
  });

  it('answers no cross-origin caller by default (no APP_ORIGIN): no CORS headers at all', async () => {
    const preflight = await t.request('OPTIONS', '/api/referrals', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await t.request('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets security headers and a request id, and echoes a safe incoming one', async () => {
    const res = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'proxy-req-12345' } });
    expect(res.headers.get('x-request-id')).toBe('proxy-req-12345');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    const unsafe = await t.request('GET', '/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('OpenAPI', () => {
  it('serves the document, and libs/api-client was generated from exactly this document', async () => {
    const res = await t.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const committed = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../libs/api-client/openapi.json'), 'utf8'),
    );
    expect(res.body).toEqual(committed);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit/verify']),
    );
  });

  it('serves the docs UI', async () => {
    const res = await t.request('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger');
  });
});

describe('guards', () => {
  it('gives every route either @Public() or an @Allow() action from the policy table', () => {
    const routes = describeRoutes(
      t.app.get(DiscoveryService),
      t.app.get(MetadataScanner),
      t.app.get(Reflector),
    );
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.access === null)).toEqual([]);
    const publicRoutes = routes
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual([
      // The iCalendar feed: calendar apps cannot sign in, so its URL carries a secret (no client data).
      'GET /calendar/feeds/:file',
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      // Not a user's route: 404 unless METRICS_TOKEN is set and sent as a bearer token (metrics.integration-spec.ts).
      'GET /metrics',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/refresh',
    ]);
  });
});

describe('migrations', () => {
  it('leave nothing for the entities to add or change', async () => {
    expect(await pendingSchemaChanges(t.dataSource)).toEqual({ up: [], down: [] });
  });
});
