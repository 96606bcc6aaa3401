import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccountsService } from './demo-accounts.service';
import { IDENTITY_ENTITIES } from './identity.entities';
import { LoginThrottleService } from './login-throttle.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { OrganisationsService } from './organisations.service';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';
import { SettingsService } from './settings.service';
import { SignInHousekeeping } from './sign-in-housekeeping';
import { UsersService } from './users.service';

/** Accounts, organisations, roles, sessions, the second factor and the one guard in front of every route. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController, SecondFactorController, AdminController, OidcController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    SessionCache,
    SessionService,
    AuthService,
    LoginThrottleService,
    OrganisationsService,
    UsersService,
    SettingsService,
    DemoAccountsService,
    OidcService,
    SecondFactorService,
    SignInHousekeeping,
  ],
  exports: [SessionService, AuthService, OrganisationsService, UsersService, SettingsService, DemoAccountsService],
})
export class IdentityModule {}
