import fc from 'fast-check';
import matrix from './authorization-matrix.json';
import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

/**
 * Random and malformed input to every operation: never a 5xx, never a stack trace, never a
 * changed row. Object bodies always carry one unknown field, so no generated request is valid
 * and every write must be refused whole. FUZZ_RUNS sets the number of requests (CI: 10,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Operations without a body to refuse (they act on the caller alone, or need a cookie). */
const SKIP = new Set([
  'POST /api/calendar/feed',
  'DELETE /api/calendar/feed',
  'POST /api/auth/logout',
  'POST /api/auth/mfa/setup',
  // Valid with no body: it would reset the fuzzing advocate's password and end their session.
  'POST /api/users/{id}/reset-password',
]);

/** Case and reference tables, fingerprinted before and after (audit rows of reads and planned visits aside). */
const FINGERPRINT = `SELECT md5(string_agg(t, '|' ORDER BY t)) AS fp FROM (
  SELECT 'u' || id || version || active FROM users UNION ALL
  SELECT 'c' || id || version FROM clients UNION ALL
  SELECT 'r' || id || version || status FROM referrals UNION ALL
  SELECT 'e' || id FROM referral_events UNION ALL
  SELECT 'a' || id || version FROM authorisations UNION ALL
  SELECT 's' || id || version FROM signposting_services UNION ALL
  SELECT 'n' || id || version FROM case_notes UNION ALL
  SELECT 'v' || id FROM note_versions UNION ALL
  SELECT 'm' || id FROM meetings UNION ALL
  SELECT 'x' || id FROM records_access UNION ALL
  SELECT 'h' || id FROM hospitals UNION ALL
  SELECT 'w' || id FROM wards UNION ALL
  SELECT 't' || service_type || version FROM waiting_time_targets UNION ALL
  SELECT 'd' || id || version FROM visit_schedules UNION ALL
  SELECT 'i' || id || version FROM visits WHERE status <> 'PLANNED' OR logged_at IS NOT NULL OR date <> occurrence_date
) rows(t)`;

let t: TestApp;
let sessions: Session[];
let ids: string[];

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  const users = await Promise.all([
    t.createUser(['ADVOCATE']),
    t.createUser(['MANAGER']),
    t.createUser(['ADMIN']),
  ]);
  sessions = await Promise.all(users.map((u) => t.login(u.email)));
  const referral = await t.request('POST', '/api/referrals', {
    token: sessions[1].token,
    body: imhaReferral(),
  });
  ids = [referral.body.id, referral.body.clientId, users[0].id];
}, 60_000);
afterAll(() => t.close());

const operations = Object.keys(matrix.operations).filter((op) => !SKIP.has(op));

const segment = fc.oneof(
  fc.constantFrom(...['00000000-0000-4000-8000-000000000000', 'null', '-1', '%00', '..', 'REF-2026-000001']),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.integer().map(String),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('S3', 'IMHA', 'HELD', 'ACCEPT', 'MANAGER', '2026-02-30', '25:00', ''),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(
    fc.oneof(
      fc.constantFrom('version', 'body', 'facts', 'client', 'status', 'issues', 'advocateId', 'id'),
      fc.string({ maxLength: 12 }),
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
}));
const body = fc.oneof(
  json.object.map((o) => JSON.stringify({ ...(o as object), __fuzz: true })),
  json.value
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }), // not JSON at all
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '\u0000',
    '{"__proto__":{"admin":true},"x":1}',
    '{"constructor":{"prototype":{"a":1}}}',
  ),
);
/** Every query parameter the API reads, and one it does not. */
const query = fc.dictionary(
  fc.constantFrom(
    ...['limit', 'cursor', 'q', 'status', 'serviceType', 'localAuthority', 'from', 'to', 'order', 'x'],
    ...['advocateId', 'carerClientId', 'clientId', 'createdBy', 'wardId', 'hospitalId', 'actorId'],
    ...['entityType', 'entityId', 'includeInactive'],
    ...['receivedFrom', 'receivedTo', 'source', 'outcome', 'issue', 'declineReason', 'signpost'],
    ...['ageBand', 'gender', 'ethnicity', 'disability'],
  ),
  fc.oneof(scalar.map(String), fc.string({ maxLength: 20 }), fc.uuid()),
  { maxKeys: 4 },
);

describe('fuzzing every operation', () => {
  it(`answers ${RUNS} random requests without a 5xx, a stack trace or a changed row`, async () => {
    const [{ fp: before }] = await t.dataSource.query(FINGERPRINT);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.array(fc.oneof(segment, fc.constantFrom(...ids)), { minLength: 1, maxLength: 1 }),
        query,
        body,
        fc.integer({ min: -1, max: 2 }),
        async (operation, [param], q, raw, who) => {
          const [method, template] = operation.split(' ');
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(param));
          const qs = new URLSearchParams(
            Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString();
          const answer = await t.request(method, `${path}${qs ? `?${qs}` : ''}`, {
            token: who >= 0 ? sessions[who].token : undefined,
            rawBody: method === 'GET' ? undefined : raw,
            headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500)
            throw new Error(`${method} ${path}?${qs} ${raw} → ${answer.status} ${answer.text}`);
          if (/\n\s+at |node_modules|TypeORM|QueryFailedError/.test(answer.text)) {
            throw new Error(`${method} ${path} leaked internals: ${answer.text.slice(0, 300)}`);
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    const [{ fp: after }] = await t.dataSource.query(FINGERPRINT);
    expect(after).toBe(before);
    // Most requests must get past the guard, or the fuzz tests little.
    const refused = [...statuses]
      .filter(([s]) => s === 400 || s === 404 || s === 409 || s === 422)
      .reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
