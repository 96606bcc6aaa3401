import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, UpdateDateColumn, type Relation } from 'typeorm';
import type { BenchmarkState } from '@bt/workflow';
import { Area } from './area.entity';
import { CatalogueText } from './catalogue-text';
import { SubRequirement } from './sub-requirement.entity';

/** One interim benchmark of one country's chapter, carrying its workflow state. */
@Entity('benchmark')
export class Benchmark extends CatalogueText {
  @Column({ name: 'area_id', type: 'uuid' })
  areaId!: string;

  @ManyToOne(() => Area, (area) => area.benchmarks, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_id' })
  // Relation<>: the area's module imports this one (a cycle), so its class is not read for the property's metadata.
  area?: Relation<Area>;

  /** Readable workflow state, kept beside the machine's snapshot for queries. */
  @Column({ type: 'text', default: 'draft' })
  state!: BenchmarkState;

  /** The workflow machine's persisted snapshot (null: never moved, i.e. the initial draft). */
  @Column({ type: 'jsonb', nullable: true })
  snapshot!: unknown;

  @Column({ name: 'machine_version', type: 'int', default: 1 })
  machineVersion!: number;

  /** Must go through a peer-review mission before acceptance. */
  @Column({ name: 'mission_required', type: 'boolean', default: false })
  missionRequired!: boolean;

  /** Optimistic-concurrency version: every change increments it. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @OneToMany(() => SubRequirement, (sub) => sub.benchmark)
  subRequirements?: SubRequirement[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
