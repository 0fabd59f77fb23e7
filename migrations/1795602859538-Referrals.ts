import { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1795602859538 implements MigrationInterface {
  name = 'Referrals1795602859538';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text NOT NULL, "last_name" text NOT NULL, "first_name_key" text NOT NULL, "last_name_key" text NOT NULL, "search_name" text NOT NULL, "date_of_birth" date, "nhs_number" text, "phone" text, "email" text, "address" text, "local_authority" text NOT NULL, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clients_nhs_number_format" CHECK (nhs_number IS NULL OR nhs_number ~ '^[0-9]{10}$'), CONSTRAINT "clients_local_authority_valid" CHECK (local_authority IN ('LEICESTER','LEICESTERSHIRE','RUTLAND','OUTSIDE_AREA')), CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "clients_nhs_number_idx" ON "clients" ("nhs_number") `);
    await queryRunner.query(`CREATE INDEX "clients_created_by_idx" ON "clients" ("created_by") `);
    await queryRunner.query(
      `CREATE INDEX "clients_name_dob_idx" ON "clients" ("last_name_key", "first_name_key", "date_of_birth") `,
    );
    await queryRunner.query(
      `CREATE TABLE "authorisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "carer_client_id" uuid NOT NULL, "authorised_name" text NOT NULL, "authorised_relationship" text NOT NULL, "scope" text NOT NULL, "given_on" date NOT NULL, "method" text NOT NULL, "expires_on" date, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdrawal_reason" text, "recorded_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "authorisations_expiry_after_given" CHECK (expires_on IS NULL OR expires_on >= given_on), CONSTRAINT "authorisations_method_valid" CHECK (method IN ('VERBAL','WRITTEN','EMAIL')), CONSTRAINT "PK_b0eee29428df66b5f8dc0353c60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "authorisations_carer_idx" ON "authorisations" ("carer_client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reference_counters" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_d3f15305259a907cc69d4df1c46" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "client_id" uuid NOT NULL, "service_type" text NOT NULL, "source" text NOT NULL, "referrer" jsonb, "issues" text array NOT NULL, "facts" jsonb NOT NULL, "eligible" boolean NOT NULL, "eligibility_reasons" text array NOT NULL, "in_scope" text array NOT NULL, "out_of_scope" text array NOT NULL, "status" text NOT NULL, "priority" text NOT NULL DEFAULT 'ROUTINE', "local_authority" text NOT NULL, "summary" text, "imha_information" jsonb, "authorisation_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_date" date, "first_contact_at" TIMESTAMP WITH TIME ZONE, "allocated_advocate_id" uuid, "allocated_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "decline_reason" text, "outcome" text, "closure_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "referrals_outcome_valid" CHECK (outcome IS NULL OR outcome IN ('ISSUES_RESOLVED','PARTIALLY_RESOLVED','NOT_RESOLVED','CLIENT_WITHDREW','NO_LONGER_ELIGIBLE','UNABLE_TO_CONTACT','TRANSFERRED','DIED')), CONSTRAINT "referrals_issues_valid" CHECK (cardinality(issues) > 0 AND issues <@ ARRAY['TREATMENT','DISCHARGE','APPEAL_TRIBUNAL','CARE_PLANNING','MEDICATION','COMPLAINT','SAFEGUARDING','CARER_RIGHTS','INFORMATION','OTHER','BENEFITS','HOUSING','CHILD_PROTECTION','DEBT','LEGAL']::text[]), CONSTRAINT "referrals_priority_valid" CHECK (priority IN ('ROUTINE','URGENT')), CONSTRAINT "referrals_local_authority_valid" CHECK (local_authority IN ('LEICESTER','LEICESTERSHIRE','RUTLAND','OUTSIDE_AREA')), CONSTRAINT "referrals_status_valid" CHECK (status IN ('RECEIVED','AWAITING_ALLOCATION','DECLINED','ALLOCATED','ACTIVE','CLOSED')), CONSTRAINT "referrals_source_valid" CHECK (source IN ('SELF','NEAREST_RELATIVE','CARE_STAFF','OTHER_CONCERNED','PROFESSIONAL','WARD_VISIT','NOMINATED_PERSON')), CONSTRAINT "referrals_service_type_valid" CHECK (service_type IN ('IMHA','CARERS','CARE_ACT','COMMUNITY')), CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" ("reference") `);
    await queryRunner.query(`CREATE INDEX "referrals_client_idx" ON "referrals" ("client_id") `);
    await queryRunner.query(
      `CREATE INDEX "referrals_area_received_idx" ON "referrals" ("local_authority", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_service_received_idx" ON "referrals" ("service_type", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_creator_received_idx" ON "referrals" ("created_by", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_advocate_received_idx" ON "referrals" ("allocated_advocate_id", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_status_received_idx" ON "referrals" ("status", "received_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "referrals_received_idx" ON "referrals" ("received_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "referral_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "details" jsonb, CONSTRAINT "PK_850a7d8ea24a8e90aba261d0190" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_events_referral_idx" ON "referral_events" ("referral_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signposting_services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "contact" text NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ef8b7d6a16ba74a7c4029e5dce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "signposting_services_key_key" ON "signposting_services" ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_signposts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "service_id" uuid, "name" text NOT NULL, "note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_becad66d7914514e34fd0d288aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_signposts_referral_idx" ON "referral_signposts" ("referral_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "authorisations" ADD CONSTRAINT "FK_5e2de1e08a418149d97f5f29482" FOREIGN KEY ("carer_client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_ded3e1ecf04edc5cc2ce6a76aae" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_a56ac544a2056282b6c346f0b2f" FOREIGN KEY ("authorisation_id") REFERENCES "authorisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_65a398489a77a9a3d3a3da75817" FOREIGN KEY ("allocated_advocate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_191f06d42840b237f7b93be8145" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "FK_f784bd7780f323ff43ff4d9eadb" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "FK_20a30cd6f670b7cbd4ebc70c4b5" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_signposts" ADD CONSTRAINT "FK_66f36aa1aac5cf29d207ed7bb12" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_signposts" ADD CONSTRAINT "FK_2df6e878cc6b823802b41b322ce" FOREIGN KEY ("service_id") REFERENCES "signposting_services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Written by hand: name search with a trigram index (LIKE '%…%' on folded names).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "clients_search_trgm_idx" ON "clients" USING gin ("search_name" gin_trgm_ops)`,
    );
    // Written by hand: a referral's status history is append-only, like the audit trail.
    await queryRunner.query(`CREATE FUNCTION referral_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER referral_events_no_update_delete BEFORE UPDATE OR DELETE ON "referral_events" FOR EACH ROW EXECUTE FUNCTION referral_events_refuse_change()`,
    );
    // Written by hand: the first entries of the signposting directory (reference data admins then maintain).
    await queryRunner.query(`INSERT INTO "signposting_services" ("key", "name", "description", "contact") VALUES
('GP', 'GP practice', 'The person''s own GP: the way into NHS mental health care, medication and talking therapy, and referral to a psychiatrist.', 'The person''s registered GP practice'),
('NHS_TALKING_THERAPIES', 'NHS Talking Therapies', 'Free NHS talking therapy for anxiety and depression; adults can refer themselves.', 'Self-referral through nhs.uk (search "NHS Talking Therapies") or via the GP'),
('BACP_DIRECTORY', 'BACP therapist directory', 'British Association for Counselling and Psychotherapy: find a private counsellor or psychotherapist locally.', 'bacp.co.uk (Find a therapist)'),
('UKCP_DIRECTORY', 'UKCP therapist directory', 'UK Council for Psychotherapy: find a registered private psychotherapist locally.', 'psychotherapy.org.uk (Find a therapist)'),
('CARERS_CENTRE', 'The Carers Centre', 'Support, information and groups for carers in Leicester, Leicestershire and Rutland.', '0116 251 0999 (9am to 4pm, Monday to Friday)'),
('NHS_111_MENTAL_HEALTH', 'NHS 111, mental health option', 'Urgent mental health help at any time, day or night: call 111 and choose option 2.', '111, option 2'),
('SAMARITANS', 'Samaritans', 'Someone to talk to, any time, day or night, free of charge.', '116 123'),
('EMERGENCY_999_AE', 'Emergency services and A&E', 'In an emergency, when someone''s life is at risk: call 999 or go to the nearest Accident and Emergency department.', '999'),
('CITIZENS_ADVICE', 'Citizens Advice', 'Free, independent advice on benefits (including PIP), debt, housing and other everyday problems.', 'citizensadvice.org.uk'),
('NATIONAL_DEBTLINE', 'National Debtline', 'Free, confidential debt advice.', 'nationaldebtline.org'),
('HOUSING_OPTIONS', 'Council housing options service', 'Housing advice and homelessness help from the council: Leicester City Council, Rutland County Council, or in Leicestershire the district or borough council for the person''s address.', 'The council''s website (search "housing options")'),
('CHILDRENS_SERVICES', 'Children''s social care', 'Concerns about a child''s safety or welfare: Leicester City Council, Leicestershire County Council or Rutland County Council children''s services. If a child is in immediate danger, call 999.', 'The council''s website (search "report a concern about a child")'),
('LEGAL_ADVICE', 'Legal advice', 'Civil Legal Advice for free legal aid advice if eligible, or a solicitor (including mental health law specialists) through the Law Society.', 'gov.uk/civil-legal-advice; Law Society "Find a Solicitor" (solicitors.lawsociety.org.uk)')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER referral_events_no_update_delete ON "referral_events"`);
    await queryRunner.query(`DROP FUNCTION referral_events_refuse_change()`);
    await queryRunner.query(`DROP INDEX "public"."clients_search_trgm_idx"`);
    await queryRunner.query(
      `ALTER TABLE "referral_signposts" DROP CONSTRAINT "FK_2df6e878cc6b823802b41b322ce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_signposts" DROP CONSTRAINT "FK_66f36aa1aac5cf29d207ed7bb12"`,
    );
    await queryRunner.query(`ALTER TABLE "referral_events" DROP CONSTRAINT "FK_20a30cd6f670b7cbd4ebc70c4b5"`);
    await queryRunner.query(`ALTER TABLE "referral_events" DROP CONSTRAINT "FK_f784bd7780f323ff43ff4d9eadb"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_191f06d42840b237f7b93be8145"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_65a398489a77a9a3d3a3da75817"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_a56ac544a2056282b6c346f0b2f"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_ded3e1ecf04edc5cc2ce6a76aae"`);
    await queryRunner.query(`ALTER TABLE "authorisations" DROP CONSTRAINT "FK_5e2de1e08a418149d97f5f29482"`);
    await queryRunner.query(`DROP INDEX "public"."referral_signposts_referral_idx"`);
    await queryRunner.query(`DROP TABLE "referral_signposts"`);
    await queryRunner.query(`DROP INDEX "public"."signposting_services_key_key"`);
    await queryRunner.query(`DROP TABLE "signposting_services"`);
    await queryRunner.query(`DROP INDEX "public"."referral_events_referral_idx"`);
    await queryRunner.query(`DROP TABLE "referral_events"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_status_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_advocate_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_creator_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_service_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_area_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_client_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_reference_key"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    await queryRunner.query(`DROP TABLE "reference_counters"`);
    await queryRunner.query(`DROP INDEX "public"."authorisations_carer_idx"`);
    await queryRunner.query(`DROP TABLE "authorisations"`);
    await queryRunner.query(`DROP INDEX "public"."clients_name_dob_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_created_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_nhs_number_idx"`);
    await queryRunner.query(`DROP TABLE "clients"`);
  }
}
