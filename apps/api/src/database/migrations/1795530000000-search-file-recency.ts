import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest page of a file-name search with more than 200 matches walks this index until it has
 * found ten visible files, instead of joining and sorting every match (a common word: 35 → 1 ms on
 * the search bench's 20,000 files).
 */
export class SearchFileRecency1795530000000 implements MigrationInterface {
  name = 'SearchFileRecency1795530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "stored_file_uploaded_idx" ON "stored_file" ("uploaded_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "stored_file_uploaded_idx"`);
  }
}
