import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A negotiating chapter of the acquis, e.g. 24 "Justice, freedom and security". */
@Entity('chapter')
export class Chapter {
  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;
}
