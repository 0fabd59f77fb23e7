import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mfa1795971560323 implements MigrationInterface {
  name = 'Mfa1795971560323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mfa_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0076416b1b84361afc3371ba121" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mfa_recovery_codes_user_id_idx" ON "mfa_recovery_codes" ("user_id") `,
    );
    await queryRunner.query(`ALTER TABLE "login_attempts" ADD "factor" text NOT NULL DEFAULT 'password'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_pending_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "users" ADD "mfa_enrol_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Managers and admins already working when this ships get 14 days to set up two-step
    // verification rather than being stopped mid-shift; accounts created later enrol at once
    // (or after MFA_ENROLMENT_GRACE_DAYS).
    await queryRunner.query(
      `UPDATE "users" SET "mfa_enrol_by" = now() + interval '14 days' WHERE "roles" && ARRAY['MANAGER','ADMIN']::text[]`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_enrol_by"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_secret"`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP COLUMN "factor"`);
    await queryRunner.query(`DROP INDEX "public"."mfa_recovery_codes_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "mfa_recovery_codes"`);
  }
}
