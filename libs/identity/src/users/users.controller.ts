import { AuthUser, CurrentUser, parseListQuery, RawListQuery, Roles, ROLES, setContentRange } from '@cf/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CreateUserDto, UpdateUserDto, UserDto } from '../dto/user.dto';
import { UsersService } from './users.service';

const LIST_SPEC = {
  sortable: ['email', 'displayName', 'createdAt', 'updatedAt', 'isActive'],
  defaultSort: ['email', 'ASC'] as [string, 'ASC'],
  filter: z.object({
    q: z.string().max(200).optional(),
    role: z.enum(ROLES).optional(),
    isActive: z.boolean().optional(),
    institutionId: z.uuid({ message: 'must be a UUID' }).optional(),
  }),
};

/** Administration of accounts and roles. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiQuery({ name: 'sort', required: false, example: '["email","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"role":"reviewer","isActive":true}' })
  @ApiOkResponse({ type: [UserDto] })
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<UserDto[]> {
    const query = parseListQuery(raw, LIST_SPEC);
    const page = await this.users.list(query);
    setContentRange(res, 'users', query.offset, page.items.length, page.total);
    return page.items.map(UserDto.from);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Post()
  @ApiOkResponse({ type: UserDto })
  async create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(actor, dto));
  }

  @Put(':id')
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(actor, id, dto));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  async deactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.setActive(actor, id, false));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  async reactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.setActive(actor, id, true));
  }
}
