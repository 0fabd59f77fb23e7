import { MigrationInterface, QueryRunner } from 'typeorm';

export class Casework1795604315980 implements MigrationInterface {
  name = 'Casework1795604315980';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hospitals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_02738c80d71453bc3e369a01766" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "hospitals_name_key" ON "hospitals" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "wards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hospital_id" uuid NOT NULL, "name" text NOT NULL, "specialty" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f67afa72e02ac056570c0dde279" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "wards_hospital_name_key" ON "wards" ("hospital_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ward_id" uuid NOT NULL, "advocate_id" uuid NOT NULL, "weekday" text NOT NULL, "start_time" text NOT NULL, "duration_minutes" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "visit_schedules_end_after_start" CHECK (ends_on IS NULL OR ends_on >= starts_on), CONSTRAINT "visit_schedules_duration_valid" CHECK (duration_minutes BETWEEN 5 AND 720), CONSTRAINT "visit_schedules_start_time_valid" CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "visit_schedules_weekday_valid" CHECK (weekday IN ('MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY')), CONSTRAINT "PK_cf5c1e8430312e0c014afb60ca6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "visit_schedules_ward_idx" ON "visit_schedules" ("ward_id") `);
    await queryRunner.query(
      `CREATE INDEX "visit_schedules_advocate_idx" ON "visit_schedules" ("advocate_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "schedule_id" uuid, "occurrence_date" date, "ward_id" uuid NOT NULL, "advocate_id" uuid NOT NULL, "date" date NOT NULL, "start_time" text NOT NULL, "duration_minutes" integer NOT NULL, "status" text NOT NULL DEFAULT 'PLANNED', "patients_seen" integer NOT NULL DEFAULT '0', "new_referrals" integer NOT NULL DEFAULT '0', "minutes_spent" integer NOT NULL DEFAULT '0', "note" text, "cancel_reason" text, "logged_at" TIMESTAMP WITH TIME ZONE, "logged_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "visits_counts_valid" CHECK (patients_seen >= 0 AND new_referrals >= 0 AND minutes_spent >= 0 AND new_referrals <= patients_seen), CONSTRAINT "visits_duration_valid" CHECK (duration_minutes BETWEEN 5 AND 720), CONSTRAINT "visits_start_time_valid" CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "visits_status_valid" CHECK (status IN ('PLANNED','HELD','CANCELLED')), CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "visits_date_idx" ON "visits" ("date") `);
    await queryRunner.query(`CREATE INDEX "visits_ward_date_idx" ON "visits" ("ward_id", "date") `);
    await queryRunner.query(`CREATE INDEX "visits_advocate_date_idx" ON "visits" ("advocate_id", "date") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "visits_schedule_occurrence_key" ON "visits" ("schedule_id", "occurrence_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "kind" text NOT NULL, "minutes_spent" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "case_notes_minutes_valid" CHECK (minutes_spent IS NULL OR minutes_spent BETWEEN 0 AND 1440), CONSTRAINT "case_notes_kind_valid" CHECK (kind IN ('CONTACT','VISIT','MEETING','ADMIN','OTHER')), CONSTRAINT "PK_474011f166285b8da9a653af5c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_notes_author_created_idx" ON "case_notes" ("created_by", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "case_notes_referral_idx" ON "case_notes" ("referral_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "kind" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer, "location" text NOT NULL, "in_private" boolean NOT NULL, "attendees" text array NOT NULL, "outcome" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meetings_duration_valid" CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440), CONSTRAINT "meetings_kind_valid" CHECK (kind IN ('WARD_ROUND','CPA_REVIEW','CARE_REVIEW','TRIBUNAL','MANAGERS_HEARING','SAFEGUARDING','CLIENT_MEETING','OTHER')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meetings_created_by_starts_idx" ON "meetings" ("created_by", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "meetings_referral_idx" ON "meetings" ("referral_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "note_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "note_id" uuid NOT NULL, "version" integer NOT NULL, "body" text NOT NULL, "reason" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "note_versions_reason_for_amendments" CHECK (version = 1 OR reason IS NOT NULL), CONSTRAINT "note_versions_body_length" CHECK (char_length(body) BETWEEN 1 AND 20000), CONSTRAINT "PK_e8f8bdb9b26fa5486cf6aeeaf02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "note_versions_note_version_key" ON "note_versions" ("note_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "records_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "records_description" text NOT NULL, "basis" text NOT NULL, "held_by" text NOT NULL, "accessed_on" date NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "records_access_basis_valid" CHECK (basis IN ('CONSENT','CAPACITY_HOLDER_AGREED')), CONSTRAINT "PK_f86b9db898a9fe0d8360c2a0e8a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "records_access_referral_idx" ON "records_access" ("referral_id", "accessed_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" ("token_hash") `,
    );
    await queryRunner.query(`ALTER TABLE "referrals" ADD "visit_id" uuid`);
    await queryRunner.query(`CREATE INDEX "referrals_visit_idx" ON "referrals" ("visit_id") `);
    await queryRunner.query(
      `ALTER TABLE "wards" ADD CONSTRAINT "FK_a3893f2fca33f9b0b39aae1848e" FOREIGN KEY ("hospital_id") REFERENCES "hospitals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_schedules" ADD CONSTRAINT "FK_c5394b6554f9b81bb805d031e55" FOREIGN KEY ("ward_id") REFERENCES "wards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_schedules" ADD CONSTRAINT "FK_8324aba914491f167376ae77e35" FOREIGN KEY ("advocate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_df96830f43f3fa1556cf284579f" FOREIGN KEY ("schedule_id") REFERENCES "visit_schedules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_d596ed88ffc83a0ae06919253de" FOREIGN KEY ("ward_id") REFERENCES "wards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_d6b25d38c8024cf69698501e3e6" FOREIGN KEY ("advocate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_14a05dbd0452a84d1dbd49ce734" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "FK_81dff37b8868ec5dc315ddc99a3" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_a8ce0ec8c5f3686480eac6ba954" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "note_versions" ADD CONSTRAINT "FK_71f17f1c33f2a4e36cc7cd80005" FOREIGN KEY ("note_id") REFERENCES "case_notes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "records_access" ADD CONSTRAINT "FK_a689280155373f0b1e7b04b529b" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Written by hand: a note's versions are never changed or deleted, and notes are never deleted.
    await queryRunner.query(`CREATE FUNCTION casework_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER note_versions_no_update_delete BEFORE UPDATE OR DELETE ON "note_versions" FOR EACH ROW EXECUTE FUNCTION casework_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON "case_notes" FOR EACH ROW EXECUTE FUNCTION casework_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_notes_no_delete ON "case_notes"`);
    await queryRunner.query(`DROP TRIGGER note_versions_no_update_delete ON "note_versions"`);
    await queryRunner.query(`DROP FUNCTION casework_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"`);
    await queryRunner.query(`ALTER TABLE "records_access" DROP CONSTRAINT "FK_a689280155373f0b1e7b04b529b"`);
    await queryRunner.query(`ALTER TABLE "note_versions" DROP CONSTRAINT "FK_71f17f1c33f2a4e36cc7cd80005"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_a8ce0ec8c5f3686480eac6ba954"`);
    await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "FK_81dff37b8868ec5dc315ddc99a3"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_14a05dbd0452a84d1dbd49ce734"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_d6b25d38c8024cf69698501e3e6"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_d596ed88ffc83a0ae06919253de"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_df96830f43f3fa1556cf284579f"`);
    await queryRunner.query(`ALTER TABLE "visit_schedules" DROP CONSTRAINT "FK_8324aba914491f167376ae77e35"`);
    await queryRunner.query(`ALTER TABLE "visit_schedules" DROP CONSTRAINT "FK_c5394b6554f9b81bb805d031e55"`);
    await queryRunner.query(`ALTER TABLE "wards" DROP CONSTRAINT "FK_a3893f2fca33f9b0b39aae1848e"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_visit_idx"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "visit_id"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_feeds_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."records_access_referral_idx"`);
    await queryRunner.query(`DROP TABLE "records_access"`);
    await queryRunner.query(`DROP INDEX "public"."note_versions_note_version_key"`);
    await queryRunner.query(`DROP TABLE "note_versions"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_referral_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_created_by_starts_idx"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP INDEX "public"."case_notes_referral_idx"`);
    await queryRunner.query(`DROP INDEX "public"."case_notes_author_created_idx"`);
    await queryRunner.query(`DROP TABLE "case_notes"`);
    await queryRunner.query(`DROP INDEX "public"."visits_schedule_occurrence_key"`);
    await queryRunner.query(`DROP INDEX "public"."visits_advocate_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visits_ward_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visits_date_idx"`);
    await queryRunner.query(`DROP TABLE "visits"`);
    await queryRunner.query(`DROP INDEX "public"."visit_schedules_advocate_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visit_schedules_ward_idx"`);
    await queryRunner.query(`DROP TABLE "visit_schedules"`);
    await queryRunner.query(`DROP INDEX "public"."wards_hospital_name_key"`);
    await queryRunner.query(`DROP TABLE "wards"`);
    await queryRunner.query(`DROP INDEX "public"."hospitals_name_key"`);
    await queryRunner.query(`DROP TABLE "hospitals"`);
  }
}
