import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditSearch1795606331289 implements MigrationInterface {
  name = 'AuditSearch1795606331289';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "audit_events_entity_id_idx" ON "audit_events" ("entity_id", "seq") `,
    );
    // Written by hand: "which lists showed this person" (details.shown holds the ids a list showed).
    await queryRunner.query(
      `CREATE INDEX "audit_events_shown_idx" ON "audit_events" USING gin ((details -> 'shown'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_events_shown_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_entity_id_idx"`);
  }
}
