import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files, one row per stored object whatever domain it belongs to (evidence, mission
 * documents, consultation replies…), and the read marks of the in-app inbox.
 */
export class StoredFilesAndInbox1795480000000 implements MigrationInterface {
  name = 'StoredFilesAndInbox1795480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stored_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      storage_key text NOT NULL UNIQUE,
      file_name text NOT NULL,
      media_type text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'csv', 'txt')),
      sha256 char(64) NOT NULL,
      size bigint NOT NULL CHECK (size > 0),
      uploaded_by uuid NOT NULL REFERENCES app_user (id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE inbox_read (
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      item_key text NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, item_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_read`);
    await q.query(`DROP TABLE stored_file`);
  }
}
