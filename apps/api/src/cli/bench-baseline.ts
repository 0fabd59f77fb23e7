/* The benchmark's raw baseline (bench.ts starts it): node:http and a pg Pool answering
 * GET /api/referrals and GET /api/referrals/:id with the SQL the API sends for them, in the same
 * order and transactions, and the same JSON. What is left out is the framework: Nest, Express,
 * helmet, passport, class-validator/class-transformer and TypeORM's connection handling. So
 * "API rps ÷ baseline rps" is what the framework costs on top of the database work.
 *
 * Per request, as the API does (the harness checks the JSON is the same before the load):
 *   1. the bearer token: HS256 signature, exp, iss, aud (node:crypto here; jsonwebtoken in the API),
 *      then the user + live-session query of JwtStrategy.validate, and the role check;
 *   2. the one statement of the list or the read, built by the API's own referral-queries.ts and
 *      mapped by its referral-mapper.ts, outside a transaction as the API's reads run;
 *   3. the audit event of AuditService.recordAlone: one autocommit `SELECT audit_append(…)` with
 *      the canonical content (audit-chain.ts), which locks, chains and inserts in the database.
 * Differences: no helmet headers or ETag, no request log line (the API's is off at LOG_LEVEL=warn
 * anyway), query parameters are parsed by hand and only those the benchmark sends are supported
 * (status, serviceType, localAuthority, advocateId, createdBy, order, limit, cursor; not q).
 *
 *   PORT, DATABASE_URL, JWT_SECRET (the API's), DATABASE_POOL_SIZE (default 10, as the API)
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { can, mfaEnrolmentDue, type Action, type Role } from '@beacon/domain';
import { AUDIT_APPEND, canonicalContent, type AuditContent } from '../audit/audit-chain';
import { WHO_IS_ASKING } from '../auth/who-is-asking';
import { DEFAULT_PAGE_SIZE } from '../database/sql';
import {
  referralListQuery,
  referralReadQuery,
  type ReferralListFilters,
} from '../referrals/referral-queries';
import {
  mapReferral,
  mapReferralSummary,
  type ReferralReadRow,
  type ReferralSummaryRow,
} from '../referrals/referral-mapper';

const STATUSES = ['RECEIVED', 'AWAITING_ALLOCATION', 'ALLOCATED', 'ACTIVE', 'CLOSED', 'DECLINED'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

interface User {
  id: string;
  roles: Role[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function verifyToken(header: string | undefined, secret: string): { sub: string; sid: string } {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) throw new HttpError(401, 'unauthenticated');
  const [head, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, 'unauthenticated');
  const { alg } = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  if (
    alg !== 'HS256' ||
    claims['iss'] !== 'beacon' ||
    claims['aud'] !== 'beacon-api' ||
    typeof claims['exp'] !== 'number' ||
    claims['exp'] * 1000 <= Date.now() ||
    typeof claims['sub'] !== 'string' ||
    typeof claims['sid'] !== 'string'
  )
    throw new HttpError(401, 'unauthenticated');
  return { sub: claims['sub'], sid: claims['sid'] };
}

async function main() {
  const secret = process.env.JWT_SECRET ?? '';
  const url = process.env.DATABASE_URL ?? '';
  if (!secret || !url) throw new Error('bench-baseline needs DATABASE_URL and JWT_SECRET');
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    application_name: 'beacon-bench-baseline',
  });

  async function authenticate(req: IncomingMessage, action: Action): Promise<User> {
    const claims = verifyToken(req.headers.authorization, secret);
    const { rows } = await pool.query<{
      id: string;
      roles: Role[];
      active: boolean;
      session_live: boolean;
      password_change_required: boolean;
      mfa_enabled: boolean;
      mfa_enrol_by: Date | null;
    }>({ ...WHO_IS_ASKING, values: [claims.sub, claims.sid] });
    const user = rows[0];
    if (!user || !user.active || !user.session_live) throw new HttpError(401, 'unauthenticated');
    // AccessGuard: the role may do this, and no password change or two-step enrolment is due.
    if (
      !can(user.roles, action) ||
      user.password_change_required ||
      mfaEnrolmentDue({ roles: user.roles, mfaEnabled: user.mfa_enabled, mfaEnrolBy: user.mfa_enrol_by })
    )
      throw new HttpError(403, 'forbidden');
    return { id: user.id, roles: user.roles };
  }

  async function audit(
    req: IncomingMessage,
    requestId: string,
    user: User,
    event: { action: string; entityType: string; entityId?: string | null; details: Record<string, unknown> },
  ) {
    const content: AuditContent = {
      id: randomUUID(),
      at: new Date(),
      actorId: user.id,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      ip: req.socket.remoteAddress ?? null,
      requestId,
      details: event.details,
    };
    await pool.query({ ...AUDIT_APPEND }, [
      content.id,
      content.at,
      content.actorId,
      content.action,
      content.entityType,
      content.entityId,
      content.ip,
      content.requestId,
      JSON.stringify(content.details),
      canonicalContent(content),
    ]);
  }

  /** ReferralsService.list: the same statement (referral-queries.ts) and mapping. */
  async function list(req: IncomingMessage, requestId: string, query: URLSearchParams) {
    const user = await authenticate(req, 'referrals.list');
    const limit = query.has('limit') ? Number(query.get('limit')) : DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new HttpError(400, 'limit');
    const filters: ReferralListFilters = {};
    const statuses = (query.get('status') ?? '').split(',').filter(Boolean);
    if (statuses.some((s) => !(STATUSES as readonly string[]).includes(s)))
      throw new HttpError(400, 'status');
    if (statuses.length) filters.status = statuses as ReferralListFilters['status'];
    for (const key of ['serviceType', 'advocateId', 'createdBy', 'localAuthority'] as const) {
      const value = query.get(key);
      if (value) (filters as Record<string, string>)[key] = value;
    }
    if (query.get('order') === 'oldest') filters.order = 'oldest';
    for (const key of query.keys())
      if (
        ![
          'limit',
          'cursor',
          'status',
          'serviceType',
          'advocateId',
          'createdBy',
          'localAuthority',
          'order',
        ].includes(key)
      )
        throw new HttpError(400, `${key} is not supported by the baseline`);
    let cursor: [string, string] | null = null;
    const cursorRaw = query.get('cursor');
    if (cursorRaw) {
      let values: unknown;
      try {
        values = JSON.parse(Buffer.from(cursorRaw, 'base64url').toString('utf8'));
      } catch {
        throw new HttpError(400, 'cursor');
      }
      if (
        !Array.isArray(values) ||
        values.length !== 2 ||
        typeof values[0] !== 'string' ||
        Number.isNaN(Date.parse(values[0])) ||
        typeof values[1] !== 'string' ||
        !UUID.test(values[1])
      )
        throw new HttpError(400, 'cursor');
      cursor = [values[0], values[1]];
    }
    const sql = referralListQuery(user, filters, limit, cursor);
    const rows = (
      await pool.query<ReferralSummaryRow>({ name: sql.statement?.name, text: sql.text, values: sql.values })
    ).rows;
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    const now = new Date();
    const page = {
      items: pageRows.map((r) => mapReferralSummary(r, now)),
      nextCursor: more
        ? Buffer.from(JSON.stringify([last.received_at.toISOString(), last.id])).toString('base64url')
        : null,
    };
    await audit(req, requestId, user, {
      action: 'referral.list',
      entityType: 'referral',
      details: { shown: page.items.map((r) => r.id) },
    });
    return page;
  }

  /** ReferralsService.get: the one statement of the read (referral-queries.ts), then the audit event. */
  async function get(req: IncomingMessage, requestId: string, id: string) {
    const user = await authenticate(req, 'referrals.read');
    if (!UUID.test(id)) throw new HttpError(400, 'id');
    const read = referralReadQuery(user, id);
    const { rows } = await pool.query<ReferralReadRow>({ ...read.statement, values: read.values });
    if (!rows.length) throw new HttpError(404, 'referral');
    const dto = mapReferral(rows[0], user);
    await audit(req, requestId, user, {
      action: 'referral.read',
      entityType: 'referral',
      entityId: id,
      details: {},
    });
    return dto;
  }

  const send = (res: ServerResponse, requestId: string, status: number, body: unknown) => {
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
    });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const address = new URL(req.url ?? '/', 'http://localhost');
    const one = /^\/api\/referrals\/([^/]+)$/.exec(address.pathname);
    let work: Promise<unknown> | null = null;
    if (req.method === 'GET' && address.pathname === '/api/referrals')
      work = list(req, requestId, address.searchParams);
    else if (req.method === 'GET' && one) work = get(req, requestId, one[1]);
    else if (req.method === 'GET' && address.pathname === '/api/health')
      work = pool.query('SELECT 1').then(() => ({ status: 'ok', db: 'up' }));
    if (!work) return send(res, requestId, 404, { status: 404, title: 'Not found' });
    work.then(
      (body) => send(res, requestId, 200, body),
      (error: unknown) => {
        if (error instanceof HttpError)
          send(res, requestId, error.status, { status: error.status, detail: error.message });
        else {
          // Requests cut off by the harness stopping the baseline find the pool ended: not an error.
          if (!stopping) console.error(error);
          send(res, requestId, 500, { status: 500, title: 'Internal error' });
        }
      },
    );
  });
  const port = Number(process.env.PORT || 0);
  // On every interface, as the API (app.listen(port)), so the audit rows' ip reads the same.
  server.listen(port, () => {
    const address = server.address();
    console.log(
      `bench baseline listening on ${typeof address === 'object' && address ? address.port : port}`,
    );
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
