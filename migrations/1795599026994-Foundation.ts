import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795599026994 implements MigrationInterface {
  name = 'Foundation1795599026994';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "ip" text, "request_id" text, "details" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events" ("seq") `);
    await queryRunner.query(`CREATE INDEX "audit_events_at_idx" ON "audit_events" ("at") `);
    await queryRunner.query(`CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id", "seq") `);
    await queryRunner.query(
      `CREATE INDEX "audit_events_entity_idx" ON "audit_events" ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "ip" text NOT NULL, "success" boolean NOT NULL, CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "login_attempts_at_idx" ON "login_attempts" ("at") `);
    await queryRunner.query(`CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" ("ip", "at") `);
    await queryRunner.query(
      `CREATE INDEX "login_attempts_email_ip_at_idx" ON "login_attempts" ("email", "ip", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "roles" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "password_hash" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_normalised" CHECK (email = lower(btrim(email))), CONSTRAINT "users_roles_valid" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADVOCATE','MANAGER','ADMIN']::text[]), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email") `);
    await queryRunner.query(`CREATE INDEX "users_created_at_id_idx" ON "users" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "ip" text, "user_agent" text, CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family_id_idx" ON "refresh_tokens" ("family_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only: the database itself refuses to change or remove rows.
    await queryRunner.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_family_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."users_created_at_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_email_ip_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_ip_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_at_idx"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_seq_key"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
