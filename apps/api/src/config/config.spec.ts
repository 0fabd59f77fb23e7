import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://app:pw@db:5432/beacon' };
const production = {
  ...base,
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(40),
  MFA_ENCRYPTION_KEY: 'k'.repeat(40),
  SPA_DIR: '',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('needs the secrets in production, naming each', () => {
    expect(problems({ ...base, NODE_ENV: 'production', SPA_DIR: '' })).toEqual([
      'JWT_SECRET is required in production (at least 32 random characters)',
      'MFA_ENCRYPTION_KEY is required in production (at least 32 random characters)',
    ]);
    expect(problems({ ...production, MFA_ENCRYPTION_KEY: 'short' })).toEqual([
      'MFA_ENCRYPTION_KEY must be at least 32 characters',
    ]);
  });

  it('derives a 32-byte key for two-step secrets, the same each start', () => {
    const a = loadConfig(production).auth.mfaKey;
    expect(a).toHaveLength(32);
    expect(loadConfig(production).auth.mfaKey.equals(a)).toBe(true);
    expect(loadConfig({ ...production, MFA_ENCRYPTION_KEY: 'x'.repeat(40) }).auth.mfaKey.equals(a)).toBe(
      false,
    );
  });

  it('takes the key before a rotation, which must be long enough and not the current one', () => {
    expect(loadConfig(production).auth.mfaPreviousKey).toBeNull();
    const previous = 'p'.repeat(40);
    const rotated = loadConfig({ ...production, MFA_ENCRYPTION_KEY_PREVIOUS: previous }).auth;
    expect(rotated.mfaPreviousKey).toHaveLength(32);
    expect(rotated.mfaPreviousKey?.equals(rotated.mfaKey)).toBe(false);
    expect(
      rotated.mfaPreviousKey?.equals(loadConfig({ ...production, MFA_ENCRYPTION_KEY: previous }).auth.mfaKey),
    ).toBe(true);
    expect(problems({ ...production, MFA_ENCRYPTION_KEY_PREVIOUS: 'short' })).toEqual([
      'MFA_ENCRYPTION_KEY_PREVIOUS must be at least 32 characters',
    ]);
    expect(
      problems({ ...production, MFA_ENCRYPTION_KEY_PREVIOUS: production.MFA_ENCRYPTION_KEY as string }),
    ).toEqual(['MFA_ENCRYPTION_KEY_PREVIOUS must differ from MFA_ENCRYPTION_KEY']);
  });

  it('keeps report summaries a minute unless told otherwise (0 turns it off; at most an hour)', () => {
    expect(loadConfig(production).reportCacheSeconds).toBe(60);
    expect(loadConfig({ ...production, REPORT_CACHE_SECONDS: '0' }).reportCacheSeconds).toBe(0);
    expect(problems({ ...production, REPORT_CACHE_SECONDS: '3601' })).toEqual([
      expect.stringMatching(/^REPORT_CACHE_SECONDS must be/),
    ]);
  });

  it('serves the API docs outside production, and in production only when asked', () => {
    expect(loadConfig({ ...base, SPA_DIR: '' }).http.apiDocs).toBe(true);
    expect(loadConfig(production).http.apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).http.apiDocs).toBe(true);
  });

  it('migrates as the owner when MIGRATION_DATABASE_URL is set, else as the app', () => {
    expect(loadConfig({ ...base, SPA_DIR: '' }).database.migrationUrl).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner:pw@db:5432/beacon';
    expect(loadConfig({ ...base, SPA_DIR: '', MIGRATION_DATABASE_URL: owner }).database.migrationUrl).toBe(
      owner,
    );
    expect(problems({ ...base, SPA_DIR: '', MIGRATION_DATABASE_URL: 'mysql://x' })).toEqual([
      'MIGRATION_DATABASE_URL must start with postgres:// or postgresql://',
    ]);
  });

  it('runs background jobs unless JOBS_ENABLED switches them off', () => {
    expect(loadConfig({ ...base, SPA_DIR: '' }).jobs).toEqual({ enabled: true });
    expect(loadConfig({ ...base, SPA_DIR: '', JOBS_ENABLED: 'false' }).jobs).toEqual({ enabled: false });
    expect(loadConfig({ ...base, SPA_DIR: '', JOBS_ENABLED: '0' }).jobs).toEqual({ enabled: false });
    expect(problems({ ...base, SPA_DIR: '', JOBS_ENABLED: 'sometimes' })).toEqual([
      'JOBS_ENABLED must be true or false (got "sometimes")',
    ]);
  });

  it('serves metrics only with a METRICS_TOKEN of at least 32 characters', () => {
    expect(loadConfig({ ...base, SPA_DIR: '' }).ops.metricsToken).toBeNull();
    expect(loadConfig({ ...base, SPA_DIR: '', METRICS_TOKEN: '' }).ops.metricsToken).toBeNull();
    expect(loadConfig({ ...base, SPA_DIR: '', METRICS_TOKEN: 'm'.repeat(32) }).ops.metricsToken).toBe(
      'm'.repeat(32),
    );
    expect(problems({ ...base, SPA_DIR: '', METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN must be at least 32 characters (or unset, which turns /api/metrics off)',
    ]);
  });

  it('bounds the shutdown: 10 s by default, no drain, and a drain shorter than the limit', () => {
    expect(loadConfig({ ...base, SPA_DIR: '' }).ops).toMatchObject({
      shutdownTimeoutSeconds: 10,
      shutdownDrainSeconds: 0,
    });
    expect(
      loadConfig({ ...base, SPA_DIR: '', SHUTDOWN_TIMEOUT_SECONDS: '25', SHUTDOWN_DRAIN_SECONDS: '5' }).ops,
    ).toMatchObject({ shutdownTimeoutSeconds: 25, shutdownDrainSeconds: 5 });
    expect(problems({ ...base, SPA_DIR: '', SHUTDOWN_DRAIN_SECONDS: '10' })).toEqual([
      'SHUTDOWN_DRAIN_SECONDS (10) must be less than SHUTDOWN_TIMEOUT_SECONDS (10)',
    ]);
    expect(problems({ ...base, SPA_DIR: '', SHUTDOWN_TIMEOUT_SECONDS: '0' })).toEqual([
      'SHUTDOWN_TIMEOUT_SECONDS must be a whole number from 1 to 300 (got "0")',
    ]);
  });

  it('accepts only bare origins in APP_ORIGIN', () => {
    expect(
      loadConfig({ ...base, SPA_DIR: '', APP_ORIGIN: 'https://beacon.example.org, http://localhost:5173' })
        .http.appOrigins,
    ).toEqual(['https://beacon.example.org', 'http://localhost:5173']);
    for (const bad of [
      'https://beacon.example.org/',
      'beacon.example.org',
      'ftp://x.example',
      'https://x.example/app',
    ])
      expect(problems({ ...base, SPA_DIR: '', APP_ORIGIN: bad })).toHaveLength(1);
  });
});
