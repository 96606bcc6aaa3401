import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Benchmark } from './benchmark.entity';
import { CatalogueText } from './catalogue-text';

/** An indented item of a benchmark in the common position, e.g. RS-24-ASY-02.3. */
@Entity('sub_requirement')
export class SubRequirement extends CatalogueText {
  @Column({ name: 'benchmark_id', type: 'uuid' })
  benchmarkId!: string;

  @ManyToOne(() => Benchmark, (benchmark) => benchmark.subRequirements, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'benchmark_id' })
  // Relation<>: the benchmark's module imports this one (a cycle), so its class is not read for the property's metadata.
  benchmark?: Relation<Benchmark>;
}
