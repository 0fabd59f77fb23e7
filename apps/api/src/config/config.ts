import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_TYPES, type ServiceType } from '@beacon/domain';

export type Environment = 'development' | 'test' | 'production';

/** Typed configuration, read once from the environment and validated before anything starts. */
export interface AppConfig {
  env: Environment;
  http: {
    port: number;
    trustProxy: boolean | number;
    bodyLimit: string;
    spaDir: string | null;
    /** Serve the OpenAPI document and its UI at /api/docs (API_DOCS; off in production unless asked for). */
    apiDocs: boolean;
    /** Other origins a browser may call the API from (APP_ORIGIN): CORS with credentials, and the cookie routes' Origin check. */
    appOrigins: string[];
  };
  database: {
    url: string;
    /** The schema owner, for migrations; the app itself connects with `url`, which should be a beacon_app member. */
    migrationUrl: string;
    runMigrations: boolean;
    poolSize: number;
  };
  auth: {
    jwtSecret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshSessionHours: number;
    /** A session unused this long ends (its refresh token expires; ASVS V7.3.1). */
    sessionIdleMinutes: number;
    cookieSecure: boolean;
    /** 32-byte key that encrypts TOTP secrets at rest (derived from MFA_ENCRYPTION_KEY). */
    mfaKey: Buffer;
    /**
     * The key before a rotation (from MFA_ENCRYPTION_KEY_PREVIOUS): secrets it sealed still open
     * until `npm run mfa:rekey` has re-sealed them under mfaKey (docs/runbook.md).
     */
    mfaPreviousKey: Buffer | null;
    /** Days a new manager or admin may work before two-step verification is required (0: at once). */
    mfaEnrolmentGraceDays: number;
  };
  /** Years after closure (or decline) before a case is due for anonymisation review, per service. */
  retentionYears: Record<ServiceType, number>;
  /**
   * Seconds a computed report summary answers again for the same period in this process
   * (REPORT_CACHE_SECONDS; 0: always computed). Each read is still audited. docs/reports.md.
   */
  reportCacheSeconds: number;
  /** Background jobs on pg-boss (JOBS_ENABLED): workers and schedules in this process (docs/jobs.md). */
  jobs: { enabled: boolean };
  /** Operations: metrics and shutdown (docs/runbook.md). */
  ops: {
    /** Bearer token for GET /api/metrics (METRICS_TOKEN); null: no metrics, the route answers 404. */
    metricsToken: string | null;
    /** Seconds between readiness turning 503 and the listener closing (SHUTDOWN_DRAIN_SECONDS). */
    shutdownDrainSeconds: number;
    /** Seconds after the signal when the process exits even with requests unanswered (SHUTDOWN_TIMEOUT_SECONDS). */
    shutdownTimeoutSeconds: number;
  };
  seedDemoData: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Beacon cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

function intIn(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as Environment;
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }
  const production = nodeEnv === 'production';

  const url = env.DATABASE_URL ?? '';
  if (!url)
    problems.push(
      'DATABASE_URL is required (postgres://user:password@host:5432/database); `npm start` sets it for you',
    );
  else if (!/^postgres(ql)?:\/\//.test(url))
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const migrationUrl = env.MIGRATION_DATABASE_URL || url;
  if (env.MIGRATION_DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.MIGRATION_DATABASE_URL))
    problems.push('MIGRATION_DATABASE_URL must start with postgres:// or postgresql://');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (production) problems.push('JWT_SECRET is required in production (at least 32 random characters)');
    // Outside production a per-process secret is enough: access tokens live 15 minutes and
    // sessions survive a restart through the refresh token, which is stored in the database.
    jwtSecret = randomBytes(48).toString('base64url');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }

  // TOTP secrets must be readable after a restart, so unlike JWT_SECRET this key cannot be made
  // up per process. Outside production a fixed development key is used: such data is demo data.
  const mfaKeyRaw = env.MFA_ENCRYPTION_KEY ?? '';
  if (!mfaKeyRaw && production)
    problems.push('MFA_ENCRYPTION_KEY is required in production (at least 32 random characters)');
  else if (mfaKeyRaw && mfaKeyRaw.length < 32)
    problems.push('MFA_ENCRYPTION_KEY must be at least 32 characters');
  const deriveMfaKey = (raw: string) => createHash('sha256').update('beacon-mfa-v1:').update(raw).digest();
  const mfaKey = deriveMfaKey(mfaKeyRaw || 'beacon-development-only-mfa-key-not-for-real-data');
  const mfaPreviousRaw = env.MFA_ENCRYPTION_KEY_PREVIOUS ?? '';
  if (mfaPreviousRaw && mfaPreviousRaw.length < 32)
    problems.push('MFA_ENCRYPTION_KEY_PREVIOUS must be at least 32 characters');
  else if (mfaPreviousRaw && mfaPreviousRaw === mfaKeyRaw)
    problems.push('MFA_ENCRYPTION_KEY_PREVIOUS must differ from MFA_ENCRYPTION_KEY');
  const mfaPreviousKey = mfaPreviousRaw ? deriveMfaKey(mfaPreviousRaw) : null;

  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const seedRaw = env.SEED_DEMO_DATA;
  const seedDemoData = bool(env, 'SEED_DEMO_DATA', !production, problems);
  if (production && seedDemoData && seedRaw) problems.push('SEED_DEMO_DATA cannot be true in production');

  const trustProxyRaw = env.TRUST_PROXY;
  let trustProxy: boolean | number = false;
  if (trustProxyRaw) {
    if (/^\d+$/.test(trustProxyRaw)) trustProxy = Number(trustProxyRaw);
    else trustProxy = bool(env, 'TRUST_PROXY', false, problems);
  }

  const appOrigins = (env.APP_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of appOrigins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin)
      problems.push(
        `APP_ORIGIN must list origins like https://beacon.example.org (no path or trailing slash; got "${origin}")`,
      );
  }

  const defaultSpa = path.resolve('dist/apps/web');
  const spaDirRaw = env.SPA_DIR ?? (existsSync(path.join(defaultSpa, 'index.html')) ? defaultSpa : '');
  const spaDir = spaDirRaw ? path.resolve(spaDirRaw) : null;
  if (spaDir && !existsSync(path.join(spaDir, 'index.html')))
    problems.push(`SPA_DIR has no index.html: ${spaDir}`);

  // Retention is policy, not law, for an advocacy charity (DOMAIN.md): 8 years after closure by default.

  const retentionDefault = intIn(env, 'RETENTION_YEARS', 8, 1, 100, problems);

  const retentionYears = Object.fromEntries(
    SERVICE_TYPES.map((service) => [
      service,
      intIn(env, `RETENTION_YEARS_${service}`, retentionDefault, 1, 100, problems),
    ]),
  ) as Record<ServiceType, number>;

  // Metrics name routes, pool and job counts: nothing about people, but not for the internet either.
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken && metricsToken.length < 32)
    problems.push('METRICS_TOKEN must be at least 32 characters (or unset, which turns /api/metrics off)');
  const shutdownTimeoutSeconds = intIn(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10, 1, 300, problems);
  const shutdownDrainSeconds = intIn(env, 'SHUTDOWN_DRAIN_SECONDS', 0, 0, 60, problems);
  if (shutdownDrainSeconds >= shutdownTimeoutSeconds)
    problems.push(
      `SHUTDOWN_DRAIN_SECONDS (${shutdownDrainSeconds}) must be less than SHUTDOWN_TIMEOUT_SECONDS (${shutdownTimeoutSeconds})`,
    );

  const config: AppConfig = {
    env: nodeEnv,
    http: {
      port: intIn(env, 'PORT', 3000, 0, 65535, problems),
      trustProxy,
      bodyLimit: '100kb',
      spaDir,
      appOrigins,
      apiDocs: bool(env, 'API_DOCS', !production, problems),
    },
    database: {
      url,
      migrationUrl,
      runMigrations: bool(env, 'RUN_MIGRATIONS', true, problems),
      poolSize: intIn(env, 'DATABASE_POOL_SIZE', 10, 1, 100, problems),
    },
    auth: {
      jwtSecret,
      issuer: 'beacon',
      audience: 'beacon-api',
      accessTokenTtlSeconds: intIn(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 900, problems),
      refreshSessionHours: intIn(env, 'SESSION_MAX_HOURS', 12, 1, 24, problems),
      sessionIdleMinutes: intIn(env, 'SESSION_IDLE_MINUTES', 30, 1, 240, problems),
      cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv !== 'development' && nodeEnv !== 'test', problems),
      mfaKey,
      mfaPreviousKey,
      mfaEnrolmentGraceDays: intIn(env, 'MFA_ENROLMENT_GRACE_DAYS', 0, 0, 90, problems),
    },
    retentionYears,
    reportCacheSeconds: intIn(env, 'REPORT_CACHE_SECONDS', 60, 0, 3600, problems),
    jobs: { enabled: bool(env, 'JOBS_ENABLED', true, problems) },
    ops: { metricsToken, shutdownDrainSeconds, shutdownTimeoutSeconds },
    seedDemoData,
    logLevel,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
