import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import {
  CreateUserDto,
  TemporaryPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UsersQuery,
  VersionDto,
} from './dto/user.dto';
import type { Response } from 'express';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('users.list')
  @ApiOperation({ summary: 'User accounts, newest first' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UsersQuery): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @Allow('users.read')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @Allow('users.create')
  @ApiOperation({ summary: 'Create an account with an initial password' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The email address is already used' })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(ctx, dto);
  }

  @Patch(':id')
  @Allow('users.update')
  @ApiOperation({ summary: 'Change display name or roles' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Would leave no active admin' })
  update(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(ctx, id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Allow('users.resetPassword')
  @ApiOperation({
    summary:
      'Reset a forgotten password: answers a temporary one (shown once) that must be replaced at sign-in; sessions end',
  })
  @ApiOkResponse({ type: TemporaryPasswordDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Your own account (change your password instead)' })
  resetPassword(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TemporaryPasswordDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.users.resetPassword(ctx, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Allow('users.deactivate')
  @ApiOperation({ summary: 'Deactivate an account and end all of its sessions at once' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Your own account, or the last active admin' })
  deactivate(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() dto: VersionDto): Promise<UserDto> {
    return this.users.deactivate(ctx, id, dto.version);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Allow('users.reactivate')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version' })
  reactivate(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() dto: VersionDto): Promise<UserDto> {
    return this.users.reactivate(ctx, id, dto.version);
  }
}
