import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: a least-privileged group role for the app. Members of beacon_app may read and
 * write data but own nothing (no DDL, no disabling triggers), may only read and append audit
 * events, and may not delete from the append-only histories (UPDATE stays for anonymisation at
 * the end of retention, which the tables' triggers allow only inside that transaction).
 * Migrations run as the owner; the app connects as a login role in beacon_app (docs/security.md).
 * If the migrating user may not create roles, an administrator creates beacon_app first.
 */
export class AppRole1795971951490 implements MigrationInterface {
  name = 'AppRole1795971951490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beacon_app') THEN CREATE ROLE beacon_app NOLOGIN; END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO beacon_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO beacon_app`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO beacon_app`);
    // Tables later migrations create (as this same owner) get the same grants.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO beacon_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO beacon_app`,
    );
    // The app reads which migrations ran; it never changes them.
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM beacon_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE ON audit_events FROM beacon_app`);
    await queryRunner.query(`REVOKE DELETE ON referral_events, note_versions, case_notes FROM beacon_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM beacon_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM beacon_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM beacon_app`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM beacon_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM beacon_app`);
  }
}
