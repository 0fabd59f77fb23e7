import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'], description: 'The process is up and answering; the database is not asked' })
  status: 'ok';
}

export type MigrationState = 'current' | 'ahead' | 'pending' | 'unknown';

export class ReadinessDto {
  @ApiProperty({
    enum: ['ready', 'not-ready'],
    description: 'ready: send this process traffic; not-ready: take it out of the load balancer',
  })
  status: 'ready' | 'not-ready';

  @ApiProperty({ enum: ['up', 'down'], description: 'Whether the database answered within 2 seconds' })
  database: 'up' | 'down';

  @ApiProperty({
    enum: ['current', 'ahead', 'pending', 'unknown'],
    description:
      'current: the database has exactly the migrations this version knows; ahead: it also has newer ones ' +
      '(a newer version migrated it: still ready, for rolling upgrades); pending: some of this version’s ' +
      'migrations have not run; unknown: the database did not answer',
  })
  migrations: MigrationState;

  @ApiProperty({
    type: [String],
    description: 'Migrations this version expects that the database has not applied, oldest first',
  })
  pendingMigrations: string[];

  @ApiProperty({ description: 'The process received SIGTERM or SIGINT and is finishing its requests' })
  shuttingDown: boolean;

  @ApiProperty({ type: [String], description: 'What is not ready, in words; empty when ready' })
  problems: string[];
}
