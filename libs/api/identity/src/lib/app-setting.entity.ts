import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A platform setting an admin changes at run time, e.g. single-sign-on self-provisioning. */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;
}
