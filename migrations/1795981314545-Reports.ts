import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 8): waiting-time targets per service, seeded with defaults admins can change
 * (the app may change the number but never add or remove a service's row), and the optional
 * equality-monitoring answers on clients.
 */
export class Reports1795981314545 implements MigrationInterface {
  name = 'Reports1795981314545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "waiting_time_targets" ("service_type" text NOT NULL, "target_days" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "waiting_time_targets_days_valid" CHECK (target_days BETWEEN 1 AND 365), CONSTRAINT "waiting_time_targets_service_valid" CHECK (service_type IN ('IMHA','CARERS','CARE_ACT','COMMUNITY')), CONSTRAINT "PK_3eb0253fff039c446bf77ff686d" PRIMARY KEY ("service_type"))`,
    );
    // Days from receipt to first contact: statutory IMHA and Care Act advocacy sooner, carers and
    // community advocacy within a fortnight's working days. Defaults only: set the contract's numbers.
    await queryRunner.query(
      `INSERT INTO "waiting_time_targets" ("service_type", "target_days") VALUES ('IMHA', 2), ('CARE_ACT', 5), ('CARERS', 10), ('COMMUNITY', 10)`,
    );
    // beacon_app gets SELECT, INSERT, UPDATE, DELETE on new tables by default (AppRole): keep to reading and changing.
    await queryRunner.query(`REVOKE INSERT, DELETE ON "waiting_time_targets" FROM beacon_app`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "age_band" text`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "gender" text`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "ethnicity" text`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "disability" text`);
    await queryRunner.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "clients_disability_valid" CHECK (disability IS NULL OR disability IN ('YES','NO','PREFER_NOT_TO_SAY'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "clients_ethnicity_valid" CHECK (ethnicity IS NULL OR ethnicity IN ('ASIAN','BLACK','MIXED','WHITE','OTHER','PREFER_NOT_TO_SAY'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "clients_gender_valid" CHECK (gender IS NULL OR gender IN ('WOMAN','MAN','NON_BINARY','OTHER','PREFER_NOT_TO_SAY'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "clients_age_band_valid" CHECK (age_band IS NULL OR age_band IN ('UNDER_18','AGE_18_24','AGE_25_34','AGE_35_44','AGE_45_54','AGE_55_64','AGE_65_74','AGE_75_PLUS','PREFER_NOT_TO_SAY'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "waiting_time_targets" ADD CONSTRAINT "FK_62e91b8aa9230e6af053a2a373e" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "waiting_time_targets" DROP CONSTRAINT "FK_62e91b8aa9230e6af053a2a373e"`,
    );
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "clients_age_band_valid"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "clients_gender_valid"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "clients_ethnicity_valid"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "clients_disability_valid"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "disability"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "ethnicity"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "gender"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "age_band"`);
    await queryRunner.query(`DROP TABLE "waiting_time_targets"`);
  }
}
