import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthorisationsModule } from './authorisations/authorisations.module';
import { CaseworkModule } from './casework/casework.module';
import { ClientsModule } from './clients/clients.module';
import { APP_CONFIG, type AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { HealthModule } from './health/health.module';
import { HospitalsModule } from './hospitals/hospitals.module';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { SignpostingModule } from './signposting/signposting.module';
import { UsersModule } from './users/users.module';
import { VisitsModule } from './visits/visits.module';

/** Wires the feature modules, nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => dataSourceOptions(c.database.url, c.database.poolSize),
        }),
        // First, so the probes lead the OpenAPI document as they did.
        HealthModule,
        MetricsModule,
        AuditModule,
        AuthModule,
        UsersModule,
        EligibilityModule,
        ClientsModule,
        AuthorisationsModule,
        SignpostingModule,
        ReferralsModule,
        HospitalsModule,
        VisitsModule,
        CaseworkModule,
        DataProtectionModule,
        RemindersModule,
        JobsModule,
        ReportsModule,
      ],
    };
  }
}
