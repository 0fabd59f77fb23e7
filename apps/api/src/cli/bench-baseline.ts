/* The benchmark's raw baseline (bench.ts starts it): node:http and a pg Pool answering
 * GET /api/referrals and GET /api/referrals/:id with the SQL the API sends for them, in the same
 * order and transactions, and the same JSON. What is left out is the framework: Nest, Express,
 * helmet, passport, class-validator/class-transformer and TypeORM's hydration. So
 * "API rps ÷ baseline rps" is what the framework costs on top of the database work.
 *
 * Per request, as the API does (SQL text copied from what the API sends, captured on the wire):
 *   1. the bearer token: HS256 signature, exp, iss, aud (node:crypto here; jsonwebtoken in the API),
 *      then the user + live-session query of JwtStrategy.validate, and the role check;
 *   2. the referral query (TypeORM's exact column list and WHERE), then the display names (list),
 *      or history, signposting and names (read): each statement on its own, as the API's reads
 *      run outside a transaction;
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
import { Pool, types } from 'pg';
import { can, mfaEnrolmentDue, type Action, type Role } from '@beacon/domain';
import { canonicalContent, type AuditContent } from '../audit/audit-chain';
import type { ClientEntity } from '../clients/entities/client.entity';
import type { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import type { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import type { ReferralEntity } from '../referrals/entities/referral.entity';
import { mapReferral, mapReferralSummary, type Names } from '../referrals/referral-mapper';

// TypeORM answers `date` columns as 'YYYY-MM-DD' strings; pg's default would be a Date.
types.setTypeParser(1082, (value: string) => value);

const REFERRAL_COLUMNS = [
  'id',
  'reference',
  'client_id',
  'service_type',
  'source',
  'referrer',
  'issues',
  'facts',
  'eligible',
  'eligibility_reasons',
  'in_scope',
  'out_of_scope',
  'status',
  'priority',
  'local_authority',
  'summary',
  'imha_information',
  'authorisation_id',
  'visit_id',
  'received_at',
  'due_date',
  'first_contact_at',
  'allocated_advocate_id',
  'allocated_at',
  'created_by',
  'decline_reason',
  'outcome',
  'closure_reason',
  'closed_at',
  'anonymised_at',
  'version',
  'created_at',
  'updated_at',
];
const CLIENT_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'first_name_key',
  'last_name_key',
  'search_name',
  'date_of_birth',
  'nhs_number',
  'phone',
  'email',
  'address',
  'local_authority',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const EVENT_COLUMNS = [
  'id',
  'referral_id',
  'action',
  'from_status',
  'to_status',
  'actor_id',
  'at',
  'reason',
  'details',
];
const SIGNPOST_COLUMNS = ['id', 'referral_id', 'service_id', 'name', 'note', 'created_by', 'created_at'];

const select = (alias: string, columns: string[]) =>
  columns.map((c) => `"${alias}"."${c}" AS "${alias}_${c}"`).join(', ');
/** TypeORM's SELECT for referrals joined to clients (createQueryBuilder('r').innerJoinAndSelect('r.client', 'c')). */
const REFERRAL_SELECT = `SELECT ${select('r', REFERRAL_COLUMNS)}, ${select('c', CLIENT_COLUMNS)} FROM "referrals" "r" INNER JOIN "clients" "c" ON "c"."id"="r"."client_id"`;
const EVENTS_SQL = `SELECT ${select('ReferralEventEntity', EVENT_COLUMNS)} FROM "referral_events" "ReferralEventEntity" WHERE (("ReferralEventEntity"."referral_id" = $1)) ORDER BY "ReferralEventEntity"."at" ASC`;
const SIGNPOSTS_SQL = `SELECT ${select('ReferralSignpostEntity', SIGNPOST_COLUMNS)} FROM "referral_signposts" "ReferralSignpostEntity" WHERE (("ReferralSignpostEntity"."referral_id" = $1)) ORDER BY "ReferralSignpostEntity"."created_at" ASC`;
const USER_SQL = `SELECT u.id, u.email, u.display_name, u.roles, u.active, u.mfa_enabled_at IS NOT NULL AS mfa_enabled, u.mfa_enrol_by, u.temporary_password_until IS NOT NULL AS password_change_required,
              EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > now()) AS session_live
         FROM users u WHERE u.id = $1`;
const NAMES_SQL = 'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])';
const AUDIT_APPEND = 'SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';

const STATUSES = ['RECEIVED', 'AWAITING_ALLOCATION', 'ALLOCATED', 'ACTIVE', 'CLOSED', 'DECLINED'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

type Row = Record<string, unknown>;
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

/** (result column, entity property) pairs for a prefix's columns: snake_case → camelCase, worked out once. */
const keyCache = new Map<string, [string, string][]>();
function keysOf(prefix: string, columns: string[]): [string, string][] {
  let keys = keyCache.get(prefix);
  if (!keys) {
    keys = columns.map((c) => [
      `${prefix}_${c}`,
      c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()),
    ]);
    keyCache.set(prefix, keys);
  }
  return keys;
}

/** A row's `prefix_` columns as the entity TypeORM would hydrate. */
function entity<T>(row: Row, prefix: string, columns: string[]): T {
  const out: Row = {};
  for (const [from, to] of keysOf(prefix, columns)) out[to] = row[from];
  return out as unknown as T;
}

function referralOf(row: Row): ReferralEntity & { client: ClientEntity } {
  return {
    ...entity<ReferralEntity>(row, 'r', REFERRAL_COLUMNS),
    client: entity<ClientEntity>(row, 'c', CLIENT_COLUMNS),
  };
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
    }>(USER_SQL, [claims.sub, claims.sid]);
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

  async function names(ids: (string | null)[]): Promise<Names> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return new Map();
    const { rows } = await pool.query<{ id: string; display_name: string }>(NAMES_SQL, [unique]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
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
    await pool.query(AUDIT_APPEND, [
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

  /** ReferralsService.list: the same WHERE, in the same order, numbered as TypeORM numbers it. */
  async function list(req: IncomingMessage, requestId: string, query: URLSearchParams) {
    const user = await authenticate(req, 'referrals.list');
    const limit = query.has('limit') ? Number(query.get('limit')) : 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new HttpError(400, 'limit');
    const direction = query.get('order') === 'oldest' ? 'ASC' : 'DESC';
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const statuses = (query.get('status') ?? '').split(',').filter(Boolean);
    if (statuses.some((s) => !(STATUSES as readonly string[]).includes(s)))
      throw new HttpError(400, 'status');
    if (statuses.length) where.push(`"r"."status" IN (${statuses.map(p).join(', ')})`);
    const serviceType = query.get('serviceType');
    if (serviceType) where.push(`"r"."service_type" = ${p(serviceType)}`);
    const advocateId = query.get('advocateId');
    if (advocateId) where.push(`"r"."allocated_advocate_id" = ${p(advocateId)}`);
    const createdBy = query.get('createdBy');
    if (createdBy) where.push(`"r"."created_by" = ${p(createdBy)}`);
    const localAuthority = query.get('localAuthority');
    if (localAuthority) where.push(`"r"."local_authority" = ${p(localAuthority)}`);
    if (query.get('q')) throw new HttpError(400, 'q is not supported by the baseline');
    const cursorRaw = query.get('cursor');
    if (cursorRaw) {
      let cursor: unknown;
      try {
        cursor = JSON.parse(Buffer.from(cursorRaw, 'base64url').toString('utf8'));
      } catch {
        throw new HttpError(400, 'cursor');
      }
      if (
        !Array.isArray(cursor) ||
        cursor.length !== 2 ||
        typeof cursor[0] !== 'string' ||
        typeof cursor[1] !== 'string' ||
        !UUID.test(cursor[1])
      )
        throw new HttpError(400, 'cursor');
      const op = direction === 'ASC' ? '>' : '<';
      where.push(`("r"."received_at", "r"."id") ${op} (${p(new Date(cursor[0]))}, ${p(cursor[1])})`);
    }
    if (!user.roles.includes('MANAGER') && !user.roles.includes('ADMIN')) {
      const me = p(user.id);
      where.push(`("r"."allocated_advocate_id" = ${me} OR "r"."created_by" = ${me})`);
    }
    const sql = `${REFERRAL_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY "r"."received_at" ${direction}, "r"."id" ${direction} LIMIT ${limit + 1}`;
    const rows = (await pool.query<Row>(sql, params)).rows.map(referralOf);
    const shown = await names([...rows.map((r) => r.allocatedAdvocateId), ...rows.map((r) => r.createdBy)]);
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    const page = {
      items: pageRows.map((r) => mapReferralSummary(r, shown)),
      nextCursor: more
        ? Buffer.from(JSON.stringify([last.receivedAt.toISOString(), last.id])).toString('base64url')
        : null,
    };
    await audit(req, requestId, user, {
      action: 'referral.list',
      entityType: 'referral',
      details: { shown: page.items.map((r) => r.id) },
    });
    return page;
  }

  /** ReferralsService.get: referral + client, history, signposting, names, then the audit event. */
  async function get(req: IncomingMessage, requestId: string, id: string) {
    const user = await authenticate(req, 'referrals.read');
    if (!UUID.test(id)) throw new HttpError(400, 'id');
    const seesAll = user.roles.includes('MANAGER') || user.roles.includes('ADMIN');
    const sql = seesAll
      ? `${REFERRAL_SELECT} WHERE "r"."id" = $1`
      : `${REFERRAL_SELECT} WHERE "r"."id" = $1 AND ("r"."allocated_advocate_id" = $2 OR "r"."created_by" = $2)`;
    const { rows } = await pool.query<Row>(sql, seesAll ? [id] : [id, user.id]);
    if (!rows.length) throw new HttpError(404, 'referral');
    const referral = referralOf(rows[0]);
    const events = (await pool.query<Row>(EVENTS_SQL, [id])).rows.map((row) =>
      entity<ReferralEventEntity>(row, 'ReferralEventEntity', EVENT_COLUMNS),
    );
    const signposts = (await pool.query<Row>(SIGNPOSTS_SQL, [id])).rows.map((row) =>
      entity<ReferralSignpostEntity>(row, 'ReferralSignpostEntity', SIGNPOST_COLUMNS),
    );
    const shown = await names([
      referral.allocatedAdvocateId,
      referral.createdBy,
      ...events.map((e) => e.actorId),
      ...events.map((e) => (typeof e.details?.['advocateId'] === 'string' ? e.details['advocateId'] : null)),
    ]);
    const dto = mapReferral(referral, shown, events, signposts, user);
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
