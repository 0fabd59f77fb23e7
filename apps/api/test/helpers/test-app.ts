import { createServer } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Role } from '@beacon/domain';
import { AuditService } from '../../src/audit/audit.service';
import { createApp } from '../../src/bootstrap';
import { JsonLogger } from '../../src/common/logger';
import { loadConfig } from '../../src/config/config';
import { hashPassword } from '../../src/users/password-hasher';
import { UsersService } from '../../src/users/users.service';

export const PASSWORD = 'Test-password-2026';
let passwordHash: Promise<string> | undefined;

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  baseUrl: string;
  app: NestExpressApplication;
  /** The app's own connection: the least-privileged beacon_app login. */
  dataSource: DataSource;
  databaseUrl: string;
  /** A query as the database owner, for tests that must go around the app's privileges (tampering). */
  ownerQuery<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer<T>>;
  /**
   * A user signed in with PASSWORD. Managers and admins get a day's grace for two-step
   * verification unless `mfaEnrolBy` says otherwise (null: they must enrol before anything else).
   */
  createUser(
    roles: Role[],
    overrides?: Partial<{ email: string; displayName: string; active: boolean; mfaEnrolBy: Date | null }>,
  ): Promise<TestUser>;
  login(email: string, password?: string, headers?: Record<string, string>): Promise<Session>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export interface Session {
  token: string;
  cookie: string;
  refreshToken: string;
  userId: string;
}

/** Runs `sql` as the test cluster's superuser, from the postgres database (CREATE/DROP DATABASE and the like). */
export async function admin(sql: string) {
  const client = new Client({ connectionString: process.env.BEACON_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A TCP port free on 127.0.0.1 just now (for a process a test starts itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh database cloned from the migrated template, and the app exactly as main.ts builds it, on a free port.
 * One app per test file: passport keeps its strategies in a process-wide registry.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  if (!process.env.BEACON_TEST_ADMIN_URL)
    throw new Error('run through jest.integration.config.js (global setup starts PostgreSQL)');
  const database = `t_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE "${database}" TEMPLATE "${process.env.BEACON_TEST_TEMPLATE}"`);
  const ownerUrl = `${process.env.BEACON_TEST_URL_PREFIX}${database}`;
  const databaseUrl = `${process.env.BEACON_TEST_APP_URL_PREFIX}${database}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    RUN_MIGRATIONS: 'false',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    SPA_DIR: '',
    DATABASE_POOL_SIZE: '5',
    // Background jobs poll the database; only the specs about them switch them on.
    JOBS_ENABLED: 'false',
    // Specs change data and read the same period's report again: compute it every time, unless a
    // spec is about the summary cache.
    REPORT_CACHE_SECONDS: '0',
    ...env,
  });
  const app = await createApp(config, new JsonLogger('error'));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  let counter = 0;

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined && method !== 'GET' && method !== 'HEAD') {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async function createUser(
    roles: Role[],
    overrides: Partial<{ email: string; displayName: string; active: boolean; mfaEnrolBy: Date | null }> = {},
  ) {
    counter += 1;
    passwordHash ??= hashPassword(PASSWORD);
    const email = overrides.email ?? `user${counter}-${roles.join('-').toLowerCase()}@example.org`;
    const displayName = overrides.displayName ?? `Test ${roles.join(' ')} ${counter}`;
    const users = app.get(UsersService);
    const audit = app.get(AuditService);
    const hash = await passwordHash;
    return dataSource.transaction(async (manager) => {
      const mfaEnrolBy =
        overrides.mfaEnrolBy !== undefined ? overrides.mfaEnrolBy : new Date(Date.now() + 86_400_000);
      const user = await users.insertUser(manager, {
        email,
        displayName,
        roles,
        passwordHash: hash,
        mfaEnrolBy,
      });
      if (overrides.active === false)
        await manager.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
      await audit.record(
        manager,
        { actorId: null, ip: null, requestId: null },
        { action: 'user.create', entityType: 'user', entityId: user.id },
      );
      return { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles };
    });
  }

  async function login(
    email: string,
    password = PASSWORD,
    extraHeaders: Record<string, string> = {},
  ): Promise<Session> {
    const answer = await request<{ accessToken: string; user: { id: string } }>('POST', '/api/auth/login', {
      body: { email, password },
      headers: extraHeaders,
    });
    if (answer.status !== 200) throw new Error(`login of ${email} answered ${answer.status}: ${answer.text}`);
    const cookie = refreshCookie(answer.headers);
    if (!cookie) throw new Error('login set no refresh cookie');
    const name = setCookieLine(answer.headers)!.split('=')[0];
    return {
      token: answer.body.accessToken,
      cookie: `${name}=${cookie}`,
      refreshToken: cookie,
      userId: answer.body.user.id,
    };
  }

  async function ownerQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  return {
    baseUrl,
    app,
    dataSource,
    databaseUrl,
    ownerQuery,
    request,
    createUser,
    login,
    async close() {
      await app.close();
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

/** The value of the refresh cookie a response sets, or null. */
export function refreshCookie(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const match = /^(?:__Secure-)?beacon_refresh=([^;]*)/.exec(line);
    if (match) return match[1] || null;
  }
  return null;
}

export function setCookieLine(headers: Headers): string | undefined {
  return headers.getSetCookie().find((line) => /^(?:__Secure-)?beacon_refresh=/.test(line));
}
