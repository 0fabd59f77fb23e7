import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  FIRST_CONTACT_TARGET_DAYS,
  REFERRAL_STATUSES,
  TRANSITION_ERROR_HTTP_STATUS,
  addDays,
  classifyIssues,
  londonDate,
  needsThirdPartyAuthorisation,
  transition,
  type EligibilityFacts,
  type Priority,
  type ReferralAction,
  type ReferralStatus,
} from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { runPrepared } from '../database/prepared';
import { versionedUpdate } from '../database/versioned-update';
import { AuthorisationsService } from '../authorisations/authorisations.service';
import { ClientsService } from '../clients/clients.service';
import type { ClientEntity } from '../clients/entities/client.entity';
import { AppException, badRequest, notFound, staleVersion } from '../common/app.exception';
import { restrictReferrals, seesAllCases } from '../common/case-access';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/pagination';
import type { FieldError } from '../common/problem';
import { requireUser, type CurrentUser, type RequestContext } from '../common/request-context';
import { decideEligibility } from '../eligibility/decide-eligibility';
import { SignpostingService } from '../signposting/signposting.service';
import {
  AdvocateListDto,
  AllocateInput,
  CloseInput,
  CreateReferralInput,
  FirstContactInput,
  ReferralCountsDto,
  ReferralDto,
  ReferralPageDto,
  ReferralsQuery,
  TriageInput,
} from './dto/referral.dto';
import { ReferralEventEntity } from './entities/referral-event.entity';
import { ReferralEntity } from './entities/referral.entity';
import { nextReference } from './reference';
import { findVisibleReferral } from './referral-access';
import {
  mapReferral,
  mapReferralSummary,
  type ReferralReadRow,
  type ReferralSummaryRow,
} from './referral-mapper';
import { referralListQuery, referralReadQuery } from './referral-queries';

const CLOCK_SKEW_MS = 5 * 60_000;
const isReceivedCursor = (v: unknown[]): v is [string, string] =>
  v.length === 2 &&
  typeof v[0] === 'string' &&
  !Number.isNaN(Date.parse(v[0])) &&
  typeof v[1] === 'string' &&
  /^[0-9a-f-]{36}$/i.test(v[1]);

/** What a transition changes besides the status, and what its history entry says. */
export interface Step {
  set?: Partial<Record<keyof ReferralEntity, unknown>>;
  reason?: string | null;
  details?: Record<string, unknown>;
  after?: (manager: EntityManager) => Promise<void>;
}

const ERROR_CODES: Record<keyof typeof TRANSITION_ERROR_HTTP_STATUS, string> = {
  FORBIDDEN: 'forbidden',
  ILLEGAL_TRANSITION: 'illegal-transition',
  NOT_ELIGIBLE: 'not-eligible',
  NO_IN_SCOPE_ISSUES: 'no-in-scope-issues',
};

function parseInstant(value: string | undefined, field: string, notBefore?: Date): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw badRequest([{ field, message: 'must not be in the future' }]);
  if (notBefore && at < notBefore) {
    throw badRequest([{ field, message: 'must not be before the referral was received' }]);
  }
  // Millisecond precision, so keyset cursors (JavaScript dates) compare exactly with stored values.
  return new Date(Math.floor(at.getTime()));
}

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
    private readonly authorisations: AuthorisationsService,
    private readonly signposting: SignpostingService,
  ) {}

  // ---------------------------------------------------------------------------------------
  // Intake

  async create(ctx: RequestContext, input: CreateReferralInput): Promise<ReferralDto> {
    const user = requireUser(ctx);
    const errors: FieldError[] = [];
    if (!!input.client === !!input.clientId) {
      errors.push({
        field: 'client',
        message: 'give either client (a new person) or clientId (someone on record)',
      });
    }
    if (input.source === 'SELF' && input.referrer) {
      errors.push({ field: 'referrer', message: 'must be left out when the person refers themselves' });
    }
    if (input.source !== 'SELF' && input.source !== 'WARD_VISIT' && !input.referrer) {
      errors.push({ field: 'referrer', message: 'is required unless the person refers themselves' });
    }
    if (input.imhaInformation && input.serviceType !== 'IMHA') {
      errors.push({ field: 'imhaInformation', message: 'is recorded on IMHA referrals only' });
    }
    if (input.visitId && input.source !== 'WARD_VISIT') {
      errors.push({ field: 'visitId', message: 'is only for referrals picked up on a ward visit' });
    }
    if (input.authorisationId && !needsThirdPartyAuthorisation(input.serviceType, input.source)) {
      errors.push({ field: 'authorisationId', message: 'is only for carers referrals made by someone else' });
    }
    if (errors.length) throw badRequest(errors);
    const receivedAt = parseInstant(input.receivedAt, 'receivedAt');

    return this.dataSource.transaction(async (manager) => {
      const client = input.client
        ? await this.clients.insert(manager, ctx, input.client)
        : await this.clients.visibleClient(manager, user, input.clientId ?? '').catch(() => {
            throw badRequest([{ field: 'clientId', message: 'is not a client you can see' }]);
          });

      const today = londonDate();
      const facts = withClientDefaults(input.facts, client);
      const eligibility = decideEligibility(input.serviceType, facts, today);
      const scope = classifyIssues(input.issues);
      if (needsThirdPartyAuthorisation(input.serviceType, input.source)) {
        await this.authorisations.requireValid(manager, input.authorisationId, client.id, today);
      }

      if (input.visitId) await this.requireOwnVisit(manager, user, input.visitId);
      const priority: Priority = input.priority ?? 'ROUTINE';
      const repo = manager.getRepository(ReferralEntity);
      const referral = await repo.save(
        repo.create({
          reference: await nextReference(manager, Number(today.slice(0, 4))),
          clientId: client.id,
          serviceType: input.serviceType,
          source: input.source,
          referrer: input.referrer ? { ...input.referrer } : null,
          issues: input.issues,
          facts,
          eligible: eligibility.eligible,
          eligibilityReasons: eligibility.reasons,
          inScope: scope.inScope,
          outOfScope: scope.outOfScope,
          status: 'RECEIVED',
          priority,
          localAuthority: facts.localAuthority ?? client.localAuthority,
          summary: input.summary || null,
          imhaInformation: input.imhaInformation ? { ...input.imhaInformation } : null,
          authorisationId: input.authorisationId ?? null,
          visitId: input.visitId ?? null,
          receivedAt,
          dueDate: addDays(londonDate(receivedAt), FIRST_CONTACT_TARGET_DAYS[priority]),
          createdBy: user.id,
        }),
      );
      await this.addEvent(manager, referral.id, user.id, 'RECEIVED', null, 'RECEIVED', null);
      await this.audit.record(manager, ctx, {
        action: 'referral.create',
        entityType: 'referral',
        entityId: referral.id,
        details: { reference: referral.reference, clientId: client.id, eligible: eligibility.eligible },
      });
      return this.load(manager, user, referral.id);
    });
  }

  /** A visit the user may refer from: their own (any, for managers). Same answer whether missing or not theirs. */
  private async requireOwnVisit(manager: EntityManager, user: CurrentUser, visitId: string): Promise<void> {
    const rows = (await manager.query('SELECT advocate_id FROM visits WHERE id = $1', [visitId])) as {
      advocate_id: string;
    }[];
    if (!rows.length || (!seesAllCases(user) && rows[0].advocate_id !== user.id)) {
      throw badRequest([{ field: 'visitId', message: 'is not one of your ward visits' }]);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Reads

  async list(ctx: RequestContext, query: ReferralsQuery): Promise<ReferralPageDto> {
    const user = requireUser(ctx);
    const { limit = DEFAULT_PAGE_SIZE, cursor, ...filters } = query;
    if (filters.receivedFrom && filters.receivedTo && filters.receivedTo < filters.receivedFrom) {
      throw badRequest([{ field: 'receivedTo', message: 'must be on or after receivedFrom' }]);
    }
    const sql = referralListQuery(user, filters, limit, decodeCursor(cursor, isReceivedCursor));
    const rows = sql.statement
      ? await runPrepared<ReferralSummaryRow>(this.dataSource, sql.statement, sql.values)
      : ((await this.dataSource.query(sql.text, sql.values)) as ReferralSummaryRow[]);
    const now = new Date();
    const page = toPage(
      rows,
      limit,
      (r) => mapReferralSummary(r, now),
      (r) => [r.received_at.toISOString(), r.id],
    );
    await this.audit.recordAlone(ctx, {
      action: 'referral.list',
      entityType: 'referral',
      details: { shown: page.items.map((r) => r.id) },
    });
    return page;
  }

  async get(ctx: RequestContext, id: string): Promise<ReferralDto> {
    const user = requireUser(ctx);
    const referral = await this.load(this.dataSource.manager, user, id);
    await this.audit.recordAlone(ctx, {
      action: 'referral.read',
      entityType: 'referral',
      entityId: id,
    });
    return referral;
  }

  /** The whole referral as this user may see it (404 otherwise), in one statement whatever its size. */
  private async load(manager: EntityManager, user: CurrentUser, id: string): Promise<ReferralDto> {
    const read = referralReadQuery(user, id);
    const [row] = await runPrepared<ReferralReadRow>(manager, read.statement, read.values);
    if (!row) throw notFound('referral');
    return mapReferral(row, user);
  }

  /** How many referrals this user may see are in each status (the triage queue's tabs). */
  async counts(ctx: RequestContext): Promise<ReferralCountsDto> {
    const user = requireUser(ctx);
    const qb = this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('r.status');
    restrictReferrals(qb, 'r', user);
    const rows = await qb.getRawMany<{ status: ReferralStatus; count: number }>();
    const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<
      ReferralStatus,
      number
    >;
    for (const row of rows) byStatus[row.status] = row.count;
    return { byStatus };
  }

  /** Advocates who can take referrals, each with their open caseload: one grouped query. */
  async advocates(): Promise<AdvocateListDto> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.display_name,
              count(r.id)::int AS active_caseload,
              count(r.id) FILTER (WHERE r.status = 'ALLOCATED')::int AS awaiting_first_contact
         FROM users u
         LEFT JOIN referrals r ON r.allocated_advocate_id = u.id AND r.status IN ('ALLOCATED', 'ACTIVE')
        WHERE u.active AND 'ADVOCATE' = ANY (u.roles)
        GROUP BY u.id, u.display_name
        ORDER BY u.display_name, u.id`,
    )) as { id: string; display_name: string; active_caseload: number; awaiting_first_contact: number }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        activeCaseload: r.active_caseload,
        awaitingFirstContact: r.awaiting_first_contact,
      })),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Transitions

  triage(ctx: RequestContext, id: string, input: TriageInput): Promise<ReferralDto> {
    const action: ReferralAction = input.decision === 'ACCEPT' ? 'TRIAGE_ACCEPT' : 'TRIAGE_DECLINE';
    return this.act(ctx, id, input.version, action, async (manager, referral) => {
      const errors: FieldError[] = [];
      if (action === 'TRIAGE_DECLINE' && !input.reason) {
        errors.push({ field: 'reason', message: 'is required to decline a referral' });
      }
      if (action === 'TRIAGE_DECLINE' && referral.outOfScope.length && !input.signposting?.length) {
        errors.push({
          field: 'signposting',
          message:
            'is required: record where the person was pointed for the issues the service does not cover',
        });
      }
      if (errors.length) throw badRequest(errors);
      const signposts = await this.signposting.resolve(manager, input.signposting ?? []);
      const set: Step['set'] = {};
      if (action === 'TRIAGE_DECLINE')
        Object.assign(set, { declineReason: input.reason, closedAt: new Date() });
      if (input.priority && input.priority !== referral.priority) {
        Object.assign(set, {
          priority: input.priority,
          dueDate: addDays(londonDate(referral.receivedAt), FIRST_CONTACT_TARGET_DAYS[input.priority]),
        });
      }
      return {
        set,
        reason: input.reason ?? null,
        details: { signposts: signposts.length, ...(set['priority'] ? { priority: set['priority'] } : {}) },
        after: (m) => this.signposting.record(m, referral.id, requireUser(ctx).id, signposts),
      };
    });
  }

  allocate(ctx: RequestContext, id: string, input: AllocateInput): Promise<ReferralDto> {
    return this.act(ctx, id, input.version, 'ALLOCATE', async (manager, referral) => {
      const [advocate] = (await manager.query(
        `SELECT id FROM users WHERE id = $1 AND active AND 'ADVOCATE' = ANY (roles)`,
        [input.advocateId],
      )) as { id: string }[];
      if (!advocate) throw badRequest([{ field: 'advocateId', message: 'is not an active advocate' }]);
      if (referral.allocatedAdvocateId === input.advocateId) {
        throw new AppException(
          409,
          'already-allocated',
          'The referral is already allocated to this advocate.',
        );
      }
      return {
        set: { allocatedAdvocateId: input.advocateId, allocatedAt: new Date() },
        reason: input.reason ?? null,
        details: { advocateId: input.advocateId, previousAdvocateId: referral.allocatedAdvocateId },
      };
    });
  }

  recordFirstContact(ctx: RequestContext, id: string, input: FirstContactInput): Promise<ReferralDto> {
    return this.act(ctx, id, input.version, 'RECORD_FIRST_CONTACT', async (_manager, referral) => ({
      set: { firstContactAt: parseInstant(input.at, 'at', referral.receivedAt) },
    }));
  }

  close(ctx: RequestContext, id: string, input: CloseInput): Promise<ReferralDto> {
    return this.act(ctx, id, input.version, 'CLOSE', async () => ({
      set: { outcome: input.outcome, closureReason: input.reason, closedAt: new Date() },
      reason: input.reason,
      details: { outcome: input.outcome },
    }));
  }

  /**
   * One transition, in one transaction: load the referral as this user may see it (404),
   * check the version (409), ask the state machine (403/409/422), apply the step with
   * UPDATE … WHERE version, write the history entry and the audit event.
   */
  private async act(
    ctx: RequestContext,
    id: string,
    version: number,
    action: ReferralAction,
    build: (manager: EntityManager, referral: ReferralEntity) => Promise<Step>,
  ): Promise<ReferralDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const referral = await findVisibleReferral(manager, user, id, { lock: true });
      if (referral.version !== version) throw staleVersion();
      await this.applyTransition(manager, ctx, referral, action, build);
      return this.load(manager, user, id);
    });
  }

  /**
   * Moves a referral the caller has loaded, locked, in the caller's transaction: asks the
   * state machine (403/409/422), applies the step with UPDATE … WHERE version, appends the
   * history entry and the audit event. Casework uses it for first contact from a note or meeting.
   */
  async applyTransition(
    manager: EntityManager,
    ctx: RequestContext,
    referral: ReferralEntity,
    action: ReferralAction,
    build: (manager: EntityManager, referral: ReferralEntity) => Promise<Step>,
  ): Promise<ReferralStatus> {
    const user = requireUser(ctx);
    const result = transition(referral.status, action, {
      roles: user.roles,
      eligible: referral.eligible,
      inScopeCount: referral.inScope.length,
      isAllocatedAdvocate: referral.allocatedAdvocateId === user.id,
    });
    if (!result.ok) {
      throw new AppException(
        TRANSITION_ERROR_HTTP_STATUS[result.code],
        ERROR_CODES[result.code],
        `${result.message}.`,
      );
    }
    const step = await build(manager, referral);
    await versionedUpdate(manager, ReferralEntity, referral.id, referral.version, {
      ...(step.set as Partial<ReferralEntity>),
      status: result.to,
    });
    await this.addEvent(
      manager,
      referral.id,
      user.id,
      action,
      referral.status,
      result.to,
      step.reason ?? null,
      step.details,
    );
    await step.after?.(manager);
    await this.audit.record(manager, ctx, {
      action: `referral.${action.toLowerCase().replace(/_/g, '-')}`,
      entityType: 'referral',
      entityId: referral.id,
      details: { from: referral.status, to: result.to },
    });
    return result.to;
  }

  private async addEvent(
    manager: EntityManager,
    referralId: string,
    actorId: string,
    action: string,
    fromStatus: ReferralStatus | null,
    toStatus: ReferralStatus,
    reason: string | null,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const repo = manager.getRepository(ReferralEventEntity);
    await repo.save(
      repo.create({
        referralId,
        action,
        fromStatus,
        toStatus,
        actorId,
        at: new Date(),
        reason,
        details: details ?? null,
      }),
    );
  }
}

/** The facts as decided: the client's date of birth and area fill in what the form left out. */
function withClientDefaults(facts: EligibilityFacts, client: ClientEntity): EligibilityFacts {
  const merged: EligibilityFacts = {
    ...facts,
    dateOfBirth: facts.dateOfBirth ?? client.dateOfBirth ?? undefined,
    localAuthority: facts.localAuthority ?? client.localAuthority,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== null));
}
