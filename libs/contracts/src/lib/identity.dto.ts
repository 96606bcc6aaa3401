import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { EachIsObject, IsOmittable } from './field-rules';

import { type Language, LANGUAGES } from '@bt/i18n';
import { ROLES, type Role } from '@bt/workflow';
import { ORGANISATION_KINDS, type OrganisationKind, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './identity.values';

export { ROLES, type Role };

export interface OrganisationDto {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** ISO code for a country's organisation; null on the EU side. */
  country: string | null;
  /** For a Member State body, e.g. DE. */
  memberState: string | null;
  userCount: number;
}

export interface RoleAssignmentDto {
  role: Role;
  /** Ministry only: a coordinator may submit benchmarks. */
  coordinator: boolean;
}

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  organisation: { id: string; name: string; kind: OrganisationKind; country: string | null };
  roles: RoleAssignmentDto[];
  disabled: boolean;
  /** Two-step sign-in (TOTP) is set up. */
  secondFactorEnrolled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** The signed-in user, as `GET /api/auth/me` answers. */
export interface MeDto extends UserDto {
  session: { expiresAt: string; idleTimeoutMinutes: number };
  /**
   * The second factor (TOTP): `enrolled` on this account; `required` for it by the identity settings
   * (admins and the Commission); `outstanding` when required but not proven in this session — then
   * only the account page's sign-in matters answer, until it is set up.
   */
  secondFactor: { enrolled: boolean; required: boolean; outstanding: boolean };
  /** This user's other live sessions (other browsers and devices), listed on the account page. */
  otherSessions: number;
  /** The language the user chose for the app, wherever they sign in; null: not chosen (the browser's). */
  language: Language | null;
}

/** `GET /api/auth/current`: who is signed in, or `null` for a visitor (the web app asks at every start). */
export interface CurrentUserDto {
  me: MeDto | null;
}

export class SetLanguageRequest {
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;
}

/** The answer of a correct password for an account with a second factor: the code comes next. */
export interface SecondFactorChallengeDto {
  secondFactorRequired: true;
}

/** What `POST /api/auth/login` answers: signed in, or a second factor asked for. */
export type SignInResultDto = MeDto | SecondFactorChallengeDto;

/** A code from the authenticator app (6 digits) or a recovery code (`xxxxx-xxxxx`). */
export class SecondFactorCodeRequest {
  @IsString()
  @MaxLength(40)
  @Matches(/^[0-9A-Za-z\s-]+$/, { message: 'code must be the 6 digits of the authenticator app or a recovery code' })
  code!: string;
}

/** An enrolment begun: the secret to put in an authenticator app, as a QR code and as text. */
export interface TotpEnrolmentDto {
  /** Base32, for typing in by hand. */
  secret: string;
  otpauthUri: string;
  /** The QR code of `otpauthUri`: a square of `size` modules, the dark ones as one SVG path. */
  qr: { size: number; path: string };
}

/** Recovery codes, shown once: each signs in once in place of an authenticator code. */
export interface RecoveryCodesDto {
  recoveryCodes: string[];
}

export interface SecondFactorStatusDto {
  enrolled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}

/** One of the signed-in user's sessions, for the account page. */
export interface SessionDto {
  id: string;
  /** The session of the browser asking. */
  current: boolean;
  method: string;
  secondFactor: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** The sign-in methods on offer, for the sign-in page. */
export interface SignInOptionsDto {
  password: true;
  oidc: { enabled: boolean; label: string };
}

/** Answer of creating a user or resetting a password: a generated password is shown once. */
export interface IssuedPasswordDto {
  user: UserDto;
  temporaryPassword: string | null;
}

export class LoginRequest {
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class ChangePasswordRequest {
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `the new password must have at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class RoleAssignmentInput {
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IsOptional()
  @IsBoolean()
  coordinator?: boolean;
}

export class SetRolesRequest {
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentInput)
  roles!: RoleAssignmentInput[];
}

export class CreateUserRequest extends SetRolesRequest {
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @IsUUID()
  organisationId!: string;

  /** Leave out to have a temporary password generated and shown once. */
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `the password must have at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

/** An ordinary update: names and organisation only; roles and status have their own calls. */
export class UpdateUserRequest {
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @IsOmittable()
  @IsUUID()
  organisationId?: string;
}

export class CreateOrganisationRequest {
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name!: string;

  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind!: OrganisationKind;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'memberState must be a two-letter upper-case code such as DE' })
  memberState?: string;
}

export class UpdateOrganisationRequest {
  @IsOmittable()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;
}

export class UserListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export interface IdentitySettingsDto {
  /** Single sign-on creates unknown (verified) users in this organisation, without roles; null: never. */
  oidcSelfProvisioningOrganisationId: string | null;
  /** Admins and Commission users must sign in with a second factor (TOTP, or their provider's MFA). */
  secondFactorRequired: boolean;
}

/** The identity settings to change; a setting left out keeps its value. */
export class IdentitySettingsRequest {
  /** null: off. */
  @IsOptional()
  @IsUUID()
  oidcSelfProvisioningOrganisationId?: string | null;

  /** Left out: unchanged. */
  @IsOptional()
  @IsBoolean()
  secondFactorRequired?: boolean;
}
