import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, badRequest } from '../common/app.exception';
import type { RequestContext } from '../common/request-context';
import {
  CreateHospitalInput,
  CreateWardInput,
  HospitalDto,
  HospitalListDto,
  WardDto,
  WardListDto,
} from './dto/hospital.dto';
import { HospitalEntity } from './entities/hospital.entity';
import { WardEntity } from './entities/ward.entity';

/** Hospitals and their wards: reference data managers and admins maintain. */
@Injectable()
export class HospitalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listHospitals(): Promise<HospitalListDto> {
    const rows = await this.dataSource.getRepository(HospitalEntity).find({ order: { name: 'ASC' } });
    return { items: rows.map((h) => ({ id: h.id, name: h.name, address: h.address })) };
  }

  async createHospital(ctx: RequestContext, input: CreateHospitalInput): Promise<HospitalDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(HospitalEntity);
      if (await repo.existsBy({ name: input.name })) {
        throw new AppException(409, 'duplicate', 'A hospital with this name already exists.', [
          { field: 'name', message: 'is already used' },
        ]);
      }
      const saved = await repo.save(repo.create({ name: input.name, address: input.address ?? null }));
      await this.audit.record(manager, ctx, {
        action: 'hospital.create',
        entityType: 'hospital',
        entityId: saved.id,
      });
      return { id: saved.id, name: saved.name, address: saved.address };
    });
  }

  async listWards(hospitalId?: string): Promise<WardListDto> {
    const qb = this.dataSource
      .getRepository(WardEntity)
      .createQueryBuilder('w')
      .innerJoinAndSelect('w.hospital', 'h')
      .orderBy('h.name')
      .addOrderBy('w.name');
    if (hospitalId) qb.where('w.hospitalId = :hospitalId', { hospitalId });
    const rows = await qb.getMany();
    return { items: rows.map(mapWard) };
  }

  async createWard(ctx: RequestContext, input: CreateWardInput): Promise<WardDto> {
    return this.dataSource.transaction(async (manager) => {
      const hospital = await manager.getRepository(HospitalEntity).findOneBy({ id: input.hospitalId });
      if (!hospital) throw badRequest([{ field: 'hospitalId', message: 'is not a hospital on record' }]);
      const repo = manager.getRepository(WardEntity);
      if (await repo.existsBy({ hospitalId: input.hospitalId, name: input.name })) {
        throw new AppException(409, 'duplicate', 'This hospital already has a ward with this name.', [
          { field: 'name', message: 'is already used in this hospital' },
        ]);
      }
      const saved = await repo.save(
        repo.create({ hospitalId: input.hospitalId, name: input.name, specialty: input.specialty ?? null }),
      );
      await this.audit.record(manager, ctx, {
        action: 'ward.create',
        entityType: 'ward',
        entityId: saved.id,
      });
      return mapWard({ ...saved, hospital });
    });
  }
}

function mapWard(w: WardEntity): WardDto {
  return {
    id: w.id,
    hospitalId: w.hospitalId,
    hospitalName: w.hospital?.name ?? '',
    name: w.name,
    specialty: w.specialty,
  };
}
