import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A candidate country, by its ISO 3166 alpha-2 code (XK for Kosovo, as the EU uses it). */
@Entity('country')
export class Country {
  @PrimaryColumn({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
