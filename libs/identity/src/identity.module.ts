import { AuditModule } from '@cf/audit';
import { APP_CONFIG, AppConfig } from '@cf/config';
import { InstitutionsModule } from '@cf/institutions';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { AccessGuard, LoginGuard } from './auth/guards';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { RefreshTokensService } from './auth/refresh-tokens.service';
import { JwtStrategy, LocalStrategy } from './auth/strategies';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
    AuditModule,
    InstitutionsModule,
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    PasswordHasher,
    LoginThrottleService,
    RefreshTokensService,
    LocalStrategy,
    JwtStrategy,
    LoginGuard,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, PasswordHasher, LoginThrottleService],
})
export class IdentityModule {}
