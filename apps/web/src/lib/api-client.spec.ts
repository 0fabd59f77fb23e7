// Tests of createApiClient from @beacon/api-client (the lib has no test target of its own yet).
import { createApiClient, isProblem, ProblemError, unwrap } from '@beacon/api-client';

type Handler = (request: Request) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

const me = { id: 'u1', email: 'a@example.org', displayName: 'A', roles: ['ADMIN'] };

function setup(handler: Handler, refreshTo: string | null = 'fresh') {
  let token: string | null = 'stale';
  const seen: { method: string; path: string; auth: string | null; body: string }[] = [];
  const refresh = jest.fn(async () => {
    token = refreshTo;
    return refreshTo;
  });
  const client = createApiClient({
    baseUrl: 'http://beacon.test',
    getAccessToken: () => token,
    refresh,
    fetch: async (request) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        auth: request.headers.get('Authorization'),
        body: await request.clone().text(),
      });
      return handler(request);
    },
  });
  return { client, refresh, seen };
}

describe('createApiClient', () => {
  it('sends the access token as a bearer token', async () => {
    const { client, seen } = setup(() => json(200, me));
    await expect(unwrap(client.GET('/api/auth/me'))).resolves.toEqual(me);
    expect(seen[0].auth).toBe('Bearer stale');
  });

  it('on a 401 refreshes once and retries the request once, body included', async () => {
    const { client, refresh, seen } = setup((request) =>
      request.headers.get('Authorization') === 'Bearer fresh'
        ? json(200, { ...me, id: 'u2' })
        : json(401, { title: 'Not signed in' }),
    );
    const body = { displayName: 'B', version: 3 };
    await expect(
      unwrap(client.PATCH('/api/users/{id}', { params: { path: { id: 'u2' } }, body })),
    ).resolves.toMatchObject({
      id: 'u2',
    });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(seen.map((s) => JSON.parse(s.body))).toEqual([body, body]);
  });

  it('does not retry a second time when the retried request is also refused', async () => {
    const { client, refresh, seen } = setup(() =>
      json(401, { title: 'Not signed in', detail: 'Sign in again.' }),
    );
    const error = await client.GET('/api/auth/me').catch((e: unknown) => e);
    expect(isProblem(error, 401)).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it('answers the 401 when the session has ended (refresh gives no token)', async () => {
    const { client, seen } = setup(() => json(401, { title: 'Not signed in' }), null);
    await expect(client.GET('/api/users')).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(1);
  });

  it('never refreshes for the sign-in, refresh and sign-out routes', async () => {
    const { client, refresh } = setup(() =>
      json(401, { title: 'Not signed in', detail: 'Wrong email or password.' }),
    );
    await expect(
      client.POST('/api/auth/login', { body: { email: 'a@example.org', password: 'x' } }),
    ).rejects.toMatchObject({
      status: 401,
      detail: 'Wrong email or password.',
    });
    await expect(client.POST('/api/auth/refresh')).rejects.toBeInstanceOf(ProblemError);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('uses a token another request already refreshed instead of refreshing again', async () => {
    let token: string | null = 'old';
    const refresh = jest.fn(async () => 'never');
    const client = createApiClient({
      baseUrl: 'http://beacon.test',
      getAccessToken: () => token,
      refresh,
      fetch: async (request) => {
        if (request.headers.get('Authorization') === 'Bearer old') {
          token = 'new'; // as if a concurrent request refreshed while this one was in flight
          return json(401, {});
        }
        return json(200, me);
      },
    });
    await expect(unwrap(client.GET('/api/auth/me'))).resolves.toEqual(me);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('throws problem details with field errors and Retry-After', async () => {
    const { client } = setup(() =>
      json(
        400,
        {
          type: 'urn:beacon:problem:validation',
          title: 'Bad request',
          status: 400,
          detail: 'Some fields are not valid.',
          errors: [{ field: 'roles[0]', message: 'each must be one of ADVOCATE, MANAGER, ADMIN' }],
        },
        { 'Retry-After': '120' },
      ),
    );
    const error = (await client
      .POST('/api/users', { body: { email: 'x', displayName: 'X', roles: [], password: 'p' } })
      .catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Bad request',
      detail: 'Some fields are not valid.',
      retryAfter: 120,
    });
    expect(error.messageFor('roles')).toBe('each must be one of ADVOCATE, MANAGER, ADMIN');
  });

  it('copes with an error answer that is not JSON', async () => {
    const { client } = setup(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(client.GET('/api/health')).rejects.toMatchObject({ status: 502, title: 'Bad Gateway' });
  });
});
