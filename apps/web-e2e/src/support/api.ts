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

/** Triage accepts the referral, as a manager does: it waits for allocation. Answers its new version. */
export async function acceptReferral(api: ApiSession, referral: CreatedReferral): Promise<CreatedReferral> {
  const { version } = await api.call<{ version: number }>('POST', `/api/referrals/${referral.id}/triage`, {
    decision: 'ACCEPT',
    version: referral.version,
  });
  return { ...referral, version };
}

/** Accepted and allocated to the advocate called `advocateName`, as a manager does it. */
export async function allocateReferral(
  api: ApiSession,
  referral: CreatedReferral,
  advocateName: string,
): Promise<CreatedReferral> {
  const accepted = await acceptReferral(api, referral);
  const { version } = await api.call<{ version: number }>('POST', `/api/referrals/${referral.id}/allocate`, {
    advocateId: await advocateId(api, advocateName),
    version: accepted.version,
  });
  return { ...referral, version };
}

export interface NewAccount {
  id: string;
  email: string;
  name: string;
  /** The password that signs in now: the admin's initial one when `temporary`, else the person's own. */
  password: string;
  /** The password the admin gave. */
  initialPassword: string;
}

/**
 * Signs in through the API, changes the password (the one an admin gave, say) and signs out
 * again, leaving no session behind.
 */
export async function changePasswordThroughApi(
  email: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: currentPassword }),
  });
  if (!login.ok) throw new Error(`Signing in ${email} through the API failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const changed = await fetch(`${baseUrl()}/api/auth/password`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ currentPassword, newPassword }),
  });
  if (changed.status !== 204) {
    throw new Error(`Changing ${email}'s password answered ${changed.status}: ${await changed.text()}`);
  }
  const logout = await fetch(`${baseUrl()}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie } });
  if (logout.status !== 204)
    throw new Error(`Signing ${email} out through the API answered ${logout.status}`);
}

/**
 * A fresh account made by the demo admin, for a test that changes what an account is (its
 * password, its sessions). A password an admin gives is temporary and must be replaced at the
 * first sign-in: unless `temporary` (a test of that first sign-in), the person has already
 * chosen their own, as most accounts have.
 */
export async function createAccount(
  label: string,
  roles: ('ADVOCATE' | 'MANAGER' | 'ADMIN')[] = ['ADVOCATE'],
  { temporary = false }: { temporary?: boolean } = {},
): Promise<NewAccount> {
  const admin = await apiAs(DEMO_USERS.admin.email);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `e2e.${label.toLowerCase()}.${stamp}@example.org`;
  const name = `${label} Tester ${stamp}`;
  const initialPassword = `Initial-${label}-password-2026`;
  const { id } = await admin.call<{ id: string }>('POST', '/api/users', {
    email,
    displayName: name,
    password: initialPassword,
    roles,
  });
  if (temporary) return { id, email, name, password: initialPassword, initialPassword };
  const password = `Own-${label}-passphrase-2026`;
  await changePasswordThroughApi(email, initialPassword, password);
  return { id, email, name, password, initialPassword };
}
