import { MigrationInterface, QueryRunner } from 'typeorm';

export class TriageIndexes1795975500039 implements MigrationInterface {
  name = 'TriageIndexes1795975500039';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "referrals_open_received_idx" ON "referrals" ("received_at", "id") WHERE status IN ('ALLOCATED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_triage_received_idx" ON "referrals" ("received_at", "id") WHERE status IN ('RECEIVED', 'AWAITING_ALLOCATION')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referrals_triage_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_open_received_idx"`);
  }
}
