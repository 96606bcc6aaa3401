import { AppSetting } from './app-setting.entity';
import { OidcFlow } from './oidc/oidc-flow.entity';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

export const IDENTITY_ENTITIES = [Organisation, User, RoleAssignment, Session, AppSetting, OidcFlow];
