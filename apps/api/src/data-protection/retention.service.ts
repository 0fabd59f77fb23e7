import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_TYPES, type ServiceType } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { AppException, notFound } from '../common/app.exception';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';

export const REMOVED = '[removed at the end of the retention period]';

export interface RetentionDueItem {
  id: string;
  reference: string;
  serviceType: ServiceType;
  status: string;
  closedAt: string;
  dueSince: string;
  retentionYears: number;
}

/**
 * Retention (DOMAIN.md: the period is configuration, and expiry leads to an admin's review,
 * never to silent deletion). Cases closed or declined longer ago than their service's period
 * wait in a review queue; an admin confirms anonymisation one case at a time, with a reason.
 * Anonymising removes the personal content and keeps the shape (dates, statuses, counts) so
 * reports still add up; nothing is deleted. Both are audited.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private dueCondition(alias = 'r'): { sql: string; params: number[] } {
    const cases = SERVICE_TYPES.map((s, i) => `WHEN '${s}' THEN $${i + 1}::int`).join(' ');
    return {
      sql: `${alias}.status IN ('CLOSED', 'DECLINED') AND ${alias}.anonymised_at IS NULL AND ${alias}.closed_at IS NOT NULL
            AND ${alias}.closed_at + make_interval(years => CASE ${alias}.service_type ${cases} END) < now()`,
      params: SERVICE_TYPES.map((s) => this.config.retentionYears[s]),
    };
  }

  async due(): Promise<{ items: RetentionDueItem[] }> {
    const { sql, params } = this.dueCondition();
    const cases = SERVICE_TYPES.map((s, i) => `WHEN '${s}' THEN $${i + 1}::int`).join(' ');
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.reference, r.service_type, r.status, r.closed_at,
              r.closed_at + make_interval(years => CASE r.service_type ${cases} END) AS due_since,
              CASE r.service_type ${cases} END AS years
         FROM referrals r WHERE ${sql} ORDER BY r.closed_at LIMIT 500`,
      params,
    )) as {
      id: string;
      reference: string;
      service_type: ServiceType;
      status: string;
      closed_at: Date;
      due_since: Date;
      years: number;
    }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        serviceType: r.service_type,
        status: r.status,
        closedAt: r.closed_at.toISOString(),
        dueSince: r.due_since.toISOString(),
        retentionYears: r.years,
      })),
    };
  }

  async anonymise(ctx: RequestContext, referralId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { sql, params } = this.dueCondition();
      const [referral] = (await manager.query(
        `SELECT r.id, r.client_id, r.anonymised_at, (${sql}) AS due FROM referrals r WHERE r.id = $${params.length + 1} FOR UPDATE`,
        [...params, referralId],
      )) as { id: string; client_id: string; anonymised_at: Date | null; due: boolean }[];
      if (!referral) throw notFound('referral');
      if (!referral.due) {
        throw new AppException(
          409,
          'not-due',
          referral.anonymised_at
            ? 'This case was already anonymised.'
            : 'This case has not reached the end of its retention period.',
        );
      }
      // The append-only triggers let these updates through only inside this transaction.
      await manager.query(`SELECT set_config('beacon.anonymise', 'on', true)`);
      const id = referralId;
      await manager.query(
        `UPDATE referrals SET summary = NULL, referrer = NULL, imha_information = NULL,
                facts = facts - 'dateOfBirth',
                decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE $2 END,
                closure_reason = CASE WHEN closure_reason IS NULL THEN NULL ELSE $2 END,
                anonymised_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, REMOVED],
      );
      await manager.query(
        `UPDATE referral_events SET reason = NULL WHERE referral_id = $1 AND reason IS NOT NULL`,
        [id],
      );
      await manager.query(`UPDATE referral_signposts SET note = NULL WHERE referral_id = $1`, [id]);
      await manager.query(
        `UPDATE note_versions SET body = $2, reason = NULL
          WHERE note_id IN (SELECT id FROM case_notes WHERE referral_id = $1)`,
        [id, REMOVED],
      );
      await manager.query(
        `UPDATE meetings SET location = $2, attendees = '{}', outcome = NULL WHERE referral_id = $1`,
        [id, REMOVED],
      );
      await manager.query(`UPDATE records_access SET records_description = $2 WHERE referral_id = $1`, [
        id,
        REMOVED,
      ]);
      // The person too, once none of their cases is still held in full.
      const [{ held }] = (await manager.query(
        `SELECT count(*)::int AS held FROM referrals WHERE client_id = $1 AND anonymised_at IS NULL`,
        [referral.client_id],
      )) as { held: number }[];
      const clientAnonymised = held === 0;
      if (clientAnonymised) {
        await manager.query(
          `UPDATE clients SET first_name = 'Anonymised', last_name = 'person', first_name_key = 'anonymised',
                  last_name_key = 'person', search_name = '', date_of_birth = NULL, nhs_number = NULL,
                  phone = NULL, email = NULL, address = NULL,
                  -- Equality monitoring answers are special category data and, with little else
                  -- left, could single the person out in a small service: they go too.
                  age_band = NULL, gender = NULL, ethnicity = NULL, disability = NULL,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [referral.client_id],
        );
        await manager.query(
          `UPDATE authorisations SET authorised_name = $2, authorised_relationship = $2, scope = $2,
                  withdrawal_reason = NULL WHERE carer_client_id = $1`,
          [referral.client_id, REMOVED],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'referral.anonymise',
        entityType: 'referral',
        entityId: id,
        details: { reason, clientAnonymised },
      });
    });
  }
}
