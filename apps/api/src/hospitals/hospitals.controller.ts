import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { Ctx, type RequestContext } from '../common/request-context';
import {
  CreateHospitalInput,
  CreateWardInput,
  HospitalDto,
  HospitalListDto,
  WardDto,
  WardListDto,
  WardsQuery,
} from './dto/hospital.dto';
import { HospitalsService } from './hospitals.service';

@ApiTags('hospitals')
@Controller()
export class HospitalsController {
  constructor(private readonly hospitals: HospitalsService) {}

  @Get('hospitals')
  @Allow('hospitals.list')
  @ApiOperation({ summary: 'Hospitals, by name' })
  @ApiOkResponse({ type: HospitalListDto })
  listHospitals(): Promise<HospitalListDto> {
    return this.hospitals.listHospitals();
  }

  @Post('hospitals')
  @Allow('hospitals.manage')
  @ApiOperation({ summary: 'Add a hospital (managers, admins)' })
  @ApiCreatedResponse({ type: HospitalDto })
  @ApiConflictResponse({ description: 'The name is already used' })
  createHospital(@Ctx() ctx: RequestContext, @Body() input: CreateHospitalInput): Promise<HospitalDto> {
    return this.hospitals.createHospital(ctx, input);
  }

  @Get('wards')
  @Allow('hospitals.list')
  @ApiOperation({ summary: 'Wards, by hospital and name' })
  @ApiOkResponse({ type: WardListDto })
  listWards(@Query() query: WardsQuery): Promise<WardListDto> {
    return this.hospitals.listWards(query.hospitalId);
  }

  @Post('wards')
  @Allow('hospitals.manage')
  @ApiOperation({ summary: 'Add a ward to a hospital (managers, admins)' })
  @ApiCreatedResponse({ type: WardDto })
  @ApiConflictResponse({ description: 'The hospital already has a ward with this name' })
  createWard(@Ctx() ctx: RequestContext, @Body() input: CreateWardInput): Promise<WardDto> {
    return this.hospitals.createWard(ctx, input);
  }
}
