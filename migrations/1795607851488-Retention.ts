import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retention1795607851488 implements MigrationInterface {
  name = 'Retention1795607851488';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referrals" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "referrals_retention_idx" ON "referrals" ("status", "closed_at") `);

    // Written by hand: anonymisation at the end of the retention period may change (never delete)
    // history and note text, inside a transaction that set beacon.anonymise (RetentionService).
    for (const fn of ['referral_events_refuse_change', 'casework_refuse_change']) {
      await queryRunner.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND current_setting('beacon.anonymise', true) = 'on' THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of ['referral_events_refuse_change', 'casework_refuse_change']) {
      await queryRunner.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$`);
    }
    await queryRunner.query(`DROP INDEX "public"."referrals_retention_idx"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "anonymised_at"`);
  }
}
