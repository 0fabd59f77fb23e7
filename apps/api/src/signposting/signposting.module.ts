import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SignpostingController } from './signposting.controller';
import { SignpostingService } from './signposting.service';

@Module({
  imports: [AuditModule],
  controllers: [SignpostingController],
  providers: [SignpostingService],
  exports: [SignpostingService],
})
export class SignpostingModule {}
