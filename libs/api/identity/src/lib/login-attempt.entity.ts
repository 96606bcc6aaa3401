import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A failed password sign-in, kept for throttling (5 per account or address in 15 minutes). */
@Entity('login_failure')
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
