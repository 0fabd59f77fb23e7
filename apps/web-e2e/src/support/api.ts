import { baseUrl, DEMO_PASSWORD, DEMO_USERS } from './app';

/**
 * Straight calls to the API as a demo user, to set up what a test is not about (a referral to
 * decline, a referral allocated to someone else) without driving the UI through it.
 */
export interface ApiSession {
  token: string;
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
}

export async function apiAs(email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`Signing in ${email} through the API failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    token: accessToken,
    async call<T>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<T> {
      const response = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', ...headers },
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

export interface NewAccount {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** A fresh account made by the demo admin, for a test that changes what an account is (its password, its sessions). */
export async function createAccount(
  label: string,
  roles: ('ADVOCATE' | 'MANAGER' | 'ADMIN')[] = ['ADVOCATE'],
): Promise<NewAccount> {
  const admin = await apiAs(DEMO_USERS.admin.email);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `e2e.${label.toLowerCase()}.${stamp}@example.org`;
  const name = `${label} Tester ${stamp}`;
  const password = `Initial-${label}-password-2026`;
  const { id } = await admin.call<{ id: string }>('POST', '/api/users', {
    email,
    displayName: name,
    password,
    roles,
  });
  return { id, email, name, password };
}
