import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Role } from '@bt/contracts';
import { User } from './user.entity';

/** A role a user holds in their organisation; `coordinator` only means something for `ministry`. */
@Entity('role_assignment')
export class RoleAssignment {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: Role;

  @Column({ type: 'boolean', default: false })
  coordinator!: boolean;

  @ManyToOne(() => User, (u) => u.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  // Relation<>: the user's module imports this one (a cycle), so its class is not read for the property's metadata.
  user?: Relation<User>;
}
