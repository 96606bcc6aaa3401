import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Benchmark } from './benchmark.entity';

/** An indented item of a benchmark in the common position, e.g. RS-24-ASY-02.3. */
@Entity('sub_requirement')
export class SubRequirement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ name: 'benchmark_id', type: 'uuid' })
  benchmarkId!: string;

  @ManyToOne(() => Benchmark, (benchmark) => benchmark.subRequirements, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'benchmark_id' })
  benchmark?: Benchmark;

  @Column({ type: 'int' })
  position!: number;

  /** The official text: the Commission's English. */
  @Column({ type: 'text' })
  text!: string;

  /** A Serbian text (Latin script) where the catalogue file has one (`textSr`); never machine-translated. */
  @Column({ name: 'text_sr', type: 'text', nullable: true })
  textSr!: string | null;
}
