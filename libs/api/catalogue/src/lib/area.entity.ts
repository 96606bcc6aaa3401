import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Benchmark } from './benchmark.entity';
import { Chapter } from './chapter.entity';
import { Country } from './country.entity';

/** An area of one country's chapter, e.g. "Asylum" in Serbia's Chapter 24. */
@Entity('area')
@Unique('area_country_chapter_code_key', ['countryCode', 'chapterNumber', 'code'])
export class Area {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_code' })
  country?: Country;

  @Column({ name: 'chapter_number', type: 'int' })
  chapterNumber!: number;

  @ManyToOne(() => Chapter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chapter_number' })
  chapter?: Chapter;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The lead-in sentence of the area in the common position ("Serbia enhances its efforts …"). */
  @Column({ type: 'text', nullable: true })
  intro!: string | null;

  @Column({ type: 'int' })
  position!: number;

  @OneToMany(() => Benchmark, (benchmark) => benchmark.area)
  benchmarks?: Benchmark[];
}
