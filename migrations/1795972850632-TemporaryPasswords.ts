import { MigrationInterface, QueryRunner } from 'typeorm';

export class TemporaryPasswords1795972850632 implements MigrationInterface {
  name = 'TemporaryPasswords1795972850632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "temporary_password_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "temporary_password_until"`);
  }
}
