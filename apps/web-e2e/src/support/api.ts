import { baseUrl, DEMO_PASSWORD } from './app';

/**
 * Straight calls to the API as a demo user, to set up what a test is not about (a referral to
 * decline, a referral allocated to someone else) without driving the UI through it.
 */
export interface ApiSession {
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiAs(email: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Signing in ${email} through the API failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    token: accessToken,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

export interface CreatedReferral {
  id: string;
  reference: string;
  version: number;
}

/** A self-referral for a new person in Leicester. */
export function createReferral(
  api: ApiSession,
  person: { firstName: string; lastName: string },
  change: Record<string, unknown> = {},
): Promise<CreatedReferral> {
  return api.call<CreatedReferral>('POST', '/api/referrals', {
    serviceType: 'COMMUNITY',
    facts: {},
    client: { ...person, localAuthority: 'LEICESTER' },
    source: 'SELF',
    issues: ['TREATMENT'],
    ...change,
  });
}

export async function advocateId(api: ApiSession, displayName: string): Promise<string> {
  const { items } = await api.call<{ items: { id: string; displayName: string }[] }>('GET', '/api/advocates');
  const advocate = items.find((item) => item.displayName === displayName);
  if (!advocate) throw new Error(`No advocate called ${displayName}`);
  return advocate.id;
}
