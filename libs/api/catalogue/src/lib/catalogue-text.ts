import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a benchmark and a sub-requirement of it have alike, as the common position states them: a
 * stable code, a place among their siblings, the Commission's English text and a Serbian one. Each
 * is a table of its own (benchmark, sub_requirement) with these columns.
 */
export abstract class CatalogueText {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable human-readable code, e.g. RS-24-MIG-02, or RS-24-ASY-02.3 for a sub-requirement. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'int' })
  position!: number;

  /** The official text: the Commission's English. */
  @Column({ type: 'text' })
  text!: string;

  /** A Serbian text (Latin script) where the catalogue file has one (`textSr`); never machine-translated. */
  @Column({ name: 'text_sr', type: 'text', nullable: true })
  textSr!: string | null;
}
