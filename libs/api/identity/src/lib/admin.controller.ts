import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateOrganisationRequest,
  CreateUserRequest,
  IdentitySettingsRequest,
  type IdentitySettingsDto,
  type IssuedPasswordDto,
  type OrganisationDto,
  SetRolesRequest,
  UpdateOrganisationRequest,
  UpdateUserRequest,
  type UserDto,
  UserListQuery,
} from '@bt/contracts';
import { uuidParam } from '@bt/api/core';
import { Roles } from './decorators';
import { Actor, auditActor } from './actor';
import { OrganisationsService } from './organisations.service';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SettingsService } from './settings.service';
import { UsersService } from './users.service';

const uuid = uuidParam();

/** Organisations, users, role assignments and identity settings: admins only. */
@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get('organisations')
  listOrganisations(): Promise<OrganisationDto[]> {
    return this.organisations.list();
  }

  @Post('organisations')
  createOrganisation(@Body() body: CreateOrganisationRequest, @Actor() actor: Actor): Promise<OrganisationDto> {
    return this.organisations.create(body, auditActor(actor));
  }

  @Patch('organisations/:id')
  updateOrganisation(@Param('id', uuid) id: string, @Body() body: UpdateOrganisationRequest, @Actor() actor: Actor): Promise<OrganisationDto> {
    return this.organisations.update(id, body, auditActor(actor));
  }

  @Get('users')
  listUsers(@Query() query: UserListQuery): Promise<UserDto[]> {
    return this.users.list(query);
  }

  /** Creates a user; without a password a temporary one is generated and answered once. */
  @Post('users')
  createUser(@Body() body: CreateUserRequest, @Actor() actor: Actor): Promise<IssuedPasswordDto> {
    return this.users.create(body, auditActor(actor));
  }

  @Get('users/:id')
  getUser(@Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  /** Name and organisation only: roles and status have their own calls. */
  @Patch('users/:id')
  updateUser(@Param('id', uuid) id: string, @Body() body: UpdateUserRequest, @Actor() actor: Actor): Promise<UserDto> {
    return this.users.update(id, body, auditActor(actor));
  }

  /** Replaces the user's roles; effective on their very next request. */
  @Put('users/:id/roles')
  setRoles(@Param('id', uuid) id: string, @Body() body: SetRolesRequest, @Actor() actor: Actor): Promise<UserDto> {
    return this.users.setRoles(id, body.roles, auditActor(actor));
  }

  /** Disables the account and ends its sessions at once. */
  @Post('users/:id/disable')
  @HttpCode(200)
  disable(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<UserDto> {
    return this.users.setDisabled(id, true, auditActor(actor));
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  enable(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<UserDto> {
    return this.users.setDisabled(id, false, auditActor(actor));
  }

  /** Lifts the sign-in throttle on the account (its recent failures are forgotten); audited. */
  @Post('users/:id/unlock')
  @HttpCode(200)
  unlock(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<UserDto> {
    return this.users.unlock(id, auditActor(actor));
  }

  /** Switches off the user's two-step sign-in (a lost phone and recovery codes); their sessions end. Audited. */
  @Post('users/:id/second-factor/reset')
  @HttpCode(200)
  async resetSecondFactor(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<UserDto> {
    await this.secondFactor.reset(id, auditActor(actor));
    return this.users.get(id);
  }

  /** A new temporary password, answered once; the user's sessions end. */
  @Post('users/:id/reset-password')
  @HttpCode(200)
  resetPassword(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<IssuedPasswordDto> {
    return this.users.resetPassword(id, auditActor(actor));
  }

  @Get('settings')
  getSettings(): Promise<IdentitySettingsDto> {
    return this.settings.get();
  }

  @Put('settings')
  setSettings(@Body() body: IdentitySettingsRequest, @Actor() actor: Actor): Promise<IdentitySettingsDto> {
    return this.settings.set(
      { oidcSelfProvisioningOrganisationId: body.oidcSelfProvisioningOrganisationId, secondFactorRequired: body.secondFactorRequired },
      auditActor(actor),
    );
  }
}
