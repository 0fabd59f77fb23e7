import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RetentionService } from '../data-protection/retention.service';
import { ReminderRules, type ReminderCounts } from '../reminders/reminder-rules';
import type { JobName } from './entities/job-run.entity';

/** What a run came to: `ok: false` is a failed run (shown to admins, logged as an error). */
export interface JobResult {
  ok: boolean;
  /** One sentence for admins: counts and identifiers only, never case content. */
  summary: string;
  details: Record<string, unknown>;
}

/** The most cases RetentionService.due() lists (its queue page shows as many). */
const RETENTION_LIST_LIMIT = 500;

const total = (counts: ReminderCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The work of each job, done by the services that own the rules (nothing is re-implemented here). */
@Injectable()
export class JobHandlers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: ReminderRules,
    private readonly retention: RetentionService,
    private readonly audit: AuditService,
  ) {}

  run(name: JobName): Promise<JobResult> {
    switch (name) {
      case 'reminders':
        return this.refreshReminders();
      case 'retention-review':
        return this.reviewRetention();
      case 'audit-verify':
        return this.verifyAudit();
    }
  }

  private async refreshReminders(): Promise<JobResult> {
    const result = await this.reminders.refresh();
    return {
      ok: true,
      summary: `${plural(total(result.created), 'new reminder', 'new reminders')}, ${total(result.removed)} no longer due, ${total(result.due)} due for ${result.today}.`,
      details: { ...result },
    };
  }

  /**
   * The review queue itself is RetentionService's query, so it is always current; this run
   * counts it, notes which cases became due since the last successful run, and keeps that for
   * the Jobs page (the Retention page lists them).
   */
  private async reviewRetention(): Promise<JobResult> {
    const [last] = (await this.dataSource.query(
      `SELECT max(started_at) AS at FROM job_runs WHERE job = 'retention-review' AND outcome = 'SUCCEEDED'`,
    )) as { at: Date | null }[];
    const { items } = await this.retention.due();
    const since = last?.at ?? null;
    const newlyDue = items.filter((item) => !since || new Date(item.dueSince) > since);
    const capped = items.length >= RETENTION_LIST_LIMIT;
    const count = capped ? `${RETENTION_LIST_LIMIT} or more cases` : plural(items.length, 'case', 'cases');
    return {
      ok: true,
      summary: `${count} waiting for retention review, ${newlyDue.length} newly due${since ? ' since the last run' : ''}.`,
      details: {
        due: items.length,
        capped,
        newlyDue: newlyDue.length,
        newlyDueReferences: newlyDue.slice(0, 50).map((item) => item.reference),
      },
    };
  }

  private async verifyAudit(): Promise<JobResult> {
    const check = await this.audit.verify();
    return check.ok
      ? {
          ok: true,
          summary: `The audit chain is intact: ${plural(check.checked, 'event', 'events')} checked.`,
          details: { checked: check.checked },
        }
      : {
          ok: false,
          summary: `The audit chain is broken at event ${check.firstBrokenId}: ${plural(check.checked, 'event', 'events')} before it fit. Someone changed or removed audit history.`,
          details: { checked: check.checked, firstBrokenId: check.firstBrokenId },
        };
  }
}
