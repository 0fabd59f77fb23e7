import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders for advocates and the record of background job runs (beacon_app's grants come from the default privileges). */
export class RemindersAndJobRuns1795981210732 implements MigrationInterface {
  name = 'RemindersAndJobRuns1795981210732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job" text NOT NULL, "trigger" text NOT NULL, "requested_by" uuid, "queue_job_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL, "summary" text NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "job_runs_outcome_valid" CHECK (outcome IN ('SUCCEEDED','FAILED')), CONSTRAINT "job_runs_trigger_valid" CHECK (trigger IN ('SCHEDULE','MANUAL')), CONSTRAINT "job_runs_job_valid" CHECK (job IN ('reminders','retention-review','audit-verify')), CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "job_runs_job_started_idx" ON "job_runs" ("job", "started_at") `);
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "advocate_id" uuid NOT NULL, "kind" text NOT NULL, "due_on" date NOT NULL, "referral_id" uuid, "visit_id" uuid, "meeting_id" uuid, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dismissed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "reminders_kind_valid" CHECK (kind IN ('VISIT_TODAY','MEETING_TOMORROW','NO_CONTACT_14_DAYS')), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "reminders_visit_idx" ON "reminders" ("visit_id") `);
    await queryRunner.query(`CREATE INDEX "reminders_meeting_idx" ON "reminders" ("meeting_id") `);
    await queryRunner.query(
      `CREATE INDEX "reminders_open_idx" ON "reminders" ("advocate_id", "due_on", "id") WHERE dismissed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reminders_advocate_key" ON "reminders" ("advocate_id", "dedupe_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "job_runs" ADD CONSTRAINT "FK_ed3b9604aac92744b85f6867081" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_47f0f71e3d718b7c9625d1e130c" FOREIGN KEY ("advocate_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_92d8f63ff65f6e8b84ba13d4c55" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_9fa9b7cf5d60019abcbf052c23f" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_893cddd3330045479d45cd703a4" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_893cddd3330045479d45cd703a4"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_9fa9b7cf5d60019abcbf052c23f"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_92d8f63ff65f6e8b84ba13d4c55"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_47f0f71e3d718b7c9625d1e130c"`);
    await queryRunner.query(`ALTER TABLE "job_runs" DROP CONSTRAINT "FK_ed3b9604aac92744b85f6867081"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_advocate_key"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_open_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_visit_idx"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP INDEX "public"."job_runs_job_started_idx"`);
    await queryRunner.query(`DROP TABLE "job_runs"`);
  }
}
