import { AuthUser, CurrentUser, Public } from '@cf/platform';
import { Body, Controller, Get, HttpCode, Post, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ChangePasswordDto, LoginDto, PreferencesDto, RefreshDto, TokensDto } from '../dto/auth.dto';
import { UserDto } from '../dto/user.dto';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginGuard } from './guards';
import { ClientInfo } from './refresh-tokens.service';

const client = (req: Request): ClientInfo => ({ ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(LoginGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokensDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for the account or the address' })
  login(@Req() req: Request & { user: UserEntity }): Promise<TokensDto> {
    return this.auth.signIn(req.user, client(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() dto: RefreshDto, @Req() req: Request): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken, client(req));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(user, dto.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return UserDto.from(await this.users.get(user.id));
  }

  @ApiBearerAuth()
  @Put('me/preferences')
  @ApiOkResponse({ type: UserDto })
  async preferences(@CurrentUser() user: AuthUser, @Body() dto: PreferencesDto): Promise<UserDto> {
    return UserDto.from(await this.users.setPreferredLanguage(user, dto.preferredLanguage));
  }

  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.users.changeOwnPassword(user, dto.currentPassword, dto.newPassword);
  }
}
