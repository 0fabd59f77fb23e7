import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  periodProblems,
  type ReportPeriod,
  type ServiceType,
} from '@beacon/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, notFound, staleVersion } from '../common/app.exception';
import { requireUser, type RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import {
  ReportQuery,
  ReportSummaryDto,
  UpdateWaitingTargetInput,
  WaitingTargetDto,
  WaitingTargetListDto,
} from './dto/report.dto';
import { WaitingTimeTargetEntity } from './entities/waiting-time-target.entity';
import { buildSummary, type ReportData } from './report-builder';
import { csvFileName, summaryCsv } from './report-csv';
import { ReportQueries } from './report-queries';

/** The most periods whose summaries one process keeps (the oldest computed goes first). */
const CACHED_PERIODS = 20;

export interface ReportCsv {
  fileName: string;
  body: string;
}

function mapTarget(t: WaitingTimeTargetEntity): WaitingTargetDto {
  return {
    serviceType: t.serviceType,
    label: SERVICE_TYPE_LABELS[t.serviceType],
    targetDays: t.targetDays,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/**
 * Reports for managers and commissioners: every figure of one period, computed in SQL with a
 * fixed number of aggregate queries in one read-only snapshot, then audited (the period only:
 * a report holds no personal data) before it is returned.
 *
 * A year's summary costs seconds of database CPU at 100,000 referrals, and a dashboard is opened
 * by several managers at once: so a summary answers again for the same period for
 * REPORT_CACHE_SECONDS (60) in this process, and requests arriving while it is computed wait for
 * that one computation instead of starting their own. `generatedAt` says when it was computed;
 * every read is audited all the same. Changing a target forgets this process's summaries.
 */
@Injectable()
export class ReportsService {
  private readonly summaries = new Map<string, { at: number; summary: Promise<ReportSummaryDto> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async summary(ctx: RequestContext, query: ReportQuery): Promise<ReportSummaryDto> {
    const period = this.period(query);
    const summary = await this.summaryOf(period);
    await this.audit.recordAlone(ctx, {
      action: 'report.summary',
      entityType: 'report',
      details: { from: period.from, to: period.to },
    });
    return summary;
  }

  async csv(ctx: RequestContext, query: ReportQuery): Promise<ReportCsv> {
    const period = this.period(query);
    const body = summaryCsv(await this.summaryOf(period));
    await this.audit.recordAlone(ctx, {
      action: 'report.export',
      entityType: 'report',
      details: { from: period.from, to: period.to, format: 'csv' },
    });
    return { fileName: csvFileName(period.from, period.to), body };
  }

  async targets(): Promise<WaitingTargetListDto> {
    const rows = await this.dataSource.getRepository(WaitingTimeTargetEntity).find();
    const order = (t: WaitingTimeTargetEntity) => SERVICE_TYPES.indexOf(t.serviceType);
    return { items: rows.sort((a, b) => order(a) - order(b)).map(mapTarget) };
  }

  /** An admin changes one service's target; audited with the days before and after. */
  async updateTarget(
    ctx: RequestContext,
    serviceType: ServiceType,
    input: UpdateWaitingTargetInput,
  ): Promise<WaitingTargetDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WaitingTimeTargetEntity);
      const before = await repo.findOneBy({ serviceType });
      if (!before) throw notFound('waiting time target');
      const updated = (await manager.query(
        `UPDATE waiting_time_targets
            SET target_days = $1, version = version + 1, updated_by = $2, updated_at = now()
          WHERE service_type = $3 AND version = $4
          RETURNING service_type`,
        [input.targetDays, user.id, serviceType, input.version],
      )) as [unknown[], number];
      if (!updated[1]) throw staleVersion();
      await this.audit.record(manager, ctx, {
        action: 'report.target-update',
        entityType: 'waiting_time_target',
        entityId: null,
        details: { serviceType, before: before.targetDays, after: input.targetDays },
      });
      this.summaries.clear();
      return mapTarget(await repo.findOneByOrFail({ serviceType }));
    });
  }

  /** The period's summary: computed, or shared with a computation under way or recent enough. */
  private summaryOf(period: ReportPeriod): Promise<ReportSummaryDto> {
    const key = `${period.from}/${period.to}`;
    const now = Date.now();
    const kept = this.summaries.get(key);
    if (kept && now - kept.at < this.config.reportCacheSeconds * 1000) return kept.summary;
    const summary = this.gather(period).then(buildSummary);
    if (this.config.reportCacheSeconds > 0) {
      this.summaries.delete(key);
      this.summaries.set(key, { at: now, summary });
      if (this.summaries.size > CACHED_PERIODS)
        this.summaries.delete(this.summaries.keys().next().value as string);
      // A failed computation is not kept: the next request tries again.
      summary.catch(() => {
        if (this.summaries.get(key)?.summary === summary) this.summaries.delete(key);
      });
    }
    return summary;
  }

  /** The requested period, or 400 naming each field at fault (the same rules the SPA checks). */
  private period(query: ReportQuery): ReportPeriod {
    const problems = periodProblems(query.from, query.to);
    if (problems.length) throw badRequest(problems, 'The report period is not valid.');
    return { from: query.from, to: query.to };
  }

  /** Everything the summary needs, in one consistent read-only snapshot. */
  private async gather(period: ReportPeriod): Promise<ReportData> {
    // Fold the case-note minutes written since the last report into their day sums first (a
    // write of its own, committed before the read-only snapshot; the sums are exact either way).
    await this.dataSource.query('SELECT activity_minutes_compact()');
    return this.dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // For this transaction only: room to hash a year's breakdowns in memory rather than sort on
      // disk, and parallel plans made cheap, since every statement reads a year of rows (at
      // 100,000 referrals the referral breakdowns took 305 ms serial, 210 ms parallel).
      await manager.query(
        `SELECT set_config('work_mem', '32MB', true), set_config('parallel_setup_cost', '10', true),
                set_config('parallel_tuple_cost', '0.001', true)`,
      );
      const q = new ReportQueries(manager);
      // One connection per transaction: the queries run one after another.
      const counts = await q.referralCounts(period);
      const waiting = await q.waiting(period);
      const targets = await manager.getRepository(WaitingTimeTargetEntity).find();
      const signposting = await q.signposting(period);
      const caseload = await q.caseload(period);
      const wards = await q.wardVisits(period);
      const activities = await q.activityTime(period);
      return {
        period,
        generatedAt: new Date(),
        counts,
        waiting,
        targets: new Map(targets.map((t) => [t.serviceType, t.targetDays])),
        signposting,
        caseload,
        wards,
        activities,
      };
    });
  }
}
