import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HospitalsController } from './hospitals.controller';
import { HospitalsService } from './hospitals.service';

@Module({ imports: [AuditModule], controllers: [HospitalsController], providers: [HospitalsService] })
export class HospitalsModule {}
