import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer-review missions in full (a scope of one or more benchmarks of one country, terms of
 * reference and report as stored files, agenda, findings per benchmark, report sharing,
 * recommendations with follow-up), and written consultations (topics, questions, recipients,
 * replies, summaries per question with the recipients they cite).
 */
export class MissionsAndConsultations1795520000000 implements MigrationInterface {
  name = 'MissionsAndConsultations1795520000000';

  async up(q: QueryRunner): Promise<void> {
    // A mission planned by START_PEER_REVIEW keeps its benchmark_id (the benchmark whose workflow planned it);
    // its scope is mission_benchmark, filled from benchmark_id by the trigger so every existing insert keeps working.
    await q.query(`ALTER TABLE mission
      ALTER COLUMN benchmark_id DROP NOT NULL,
      ADD title text NOT NULL DEFAULT '',
      ADD country_code character(2) REFERENCES country (code) ON DELETE RESTRICT,
      ADD tor_file_id uuid REFERENCES stored_file (id) ON DELETE RESTRICT,
      ADD report_file_id uuid REFERENCES stored_file (id) ON DELETE RESTRICT,
      ADD report_shared_at timestamptz,
      ADD report_shared_by uuid REFERENCES app_user (id) ON DELETE RESTRICT,
      ADD created_by uuid REFERENCES app_user (id) ON DELETE RESTRICT`);
    await q.query(`UPDATE mission m SET country_code = a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = m.benchmark_id`);
    // Reports uploaded before stored_file existed become stored files (same storage key, same bytes).
    await q.query(`WITH moved AS (
        INSERT INTO stored_file (storage_key, file_name, media_type, kind, sha256, size, uploaded_by, uploaded_at)
        SELECT report_storage_key, report_file_name, report_media_type, CASE WHEN report_media_type = 'application/pdf' THEN 'pdf' ELSE 'docx' END,
               report_sha256, report_size, report_uploaded_by, report_uploaded_at
          FROM mission WHERE report_storage_key IS NOT NULL AND report_uploaded_by IS NOT NULL
        RETURNING id, storage_key)
      UPDATE mission m SET report_file_id = moved.id FROM moved WHERE moved.storage_key = m.report_storage_key`);
    await q.query(`ALTER TABLE mission DROP COLUMN report_file_name, DROP COLUMN report_media_type, DROP COLUMN report_sha256, DROP COLUMN report_size,
      DROP COLUMN report_storage_key, DROP COLUMN report_uploaded_by`);
    await q.query(`ALTER TABLE mission RENAME COLUMN report_uploaded_at TO report_submitted_at`);
    await q.query(`UPDATE mission SET report_submitted_at = NULL WHERE report_file_id IS NULL`);
    await q.query(`CREATE TABLE mission_benchmark (
      mission_id uuid NOT NULL REFERENCES mission (id) ON DELETE CASCADE,
      benchmark_id uuid NOT NULL REFERENCES benchmark (id) ON DELETE CASCADE,
      PRIMARY KEY (mission_id, benchmark_id))`);
    await q.query(`CREATE INDEX mission_benchmark_benchmark_idx ON mission_benchmark (benchmark_id)`);
    await q.query(`INSERT INTO mission_benchmark (mission_id, benchmark_id) SELECT id, benchmark_id FROM mission WHERE benchmark_id IS NOT NULL`);
    await q.query(`CREATE FUNCTION mission_country_from_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.country_code IS NULL AND NEW.benchmark_id IS NOT NULL THEN
          SELECT a.country_code INTO NEW.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = NEW.benchmark_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE FUNCTION mission_scope_from_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.benchmark_id IS NOT NULL THEN
          INSERT INTO mission_benchmark (mission_id, benchmark_id) VALUES (NEW.id, NEW.benchmark_id) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER mission_country BEFORE INSERT ON mission FOR EACH ROW EXECUTE FUNCTION mission_country_from_benchmark()`);
    await q.query(`CREATE TRIGGER mission_scope AFTER INSERT ON mission FOR EACH ROW EXECUTE FUNCTION mission_scope_from_benchmark()`);
    await q.query(`ALTER TABLE mission ALTER COLUMN country_code SET NOT NULL`);
    // The expert's Member State is their organisation's (organisation.member_state): an EU-side body.
    await q.query(`CREATE TABLE mission_meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      mission_id uuid NOT NULL REFERENCES mission (id) ON DELETE CASCADE,
      meets_on date NOT NULL,
      institution text NOT NULL,
      participants text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX mission_meeting_mission_idx ON mission_meeting (mission_id, meets_on)`);
    await q.query(`CREATE TABLE mission_finding (
      mission_id uuid NOT NULL,
      benchmark_id uuid NOT NULL,
      text text NOT NULL,
      author_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (mission_id, benchmark_id),
      FOREIGN KEY (mission_id, benchmark_id) REFERENCES mission_benchmark (mission_id, benchmark_id) ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE mission_recommendation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      mission_id uuid NOT NULL,
      benchmark_id uuid NOT NULL,
      text text NOT NULL,
      owner text NOT NULL,
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'implemented', 'not_implemented')),
      follow_up_note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (mission_id, benchmark_id) REFERENCES mission_benchmark (mission_id, benchmark_id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX mission_recommendation_mission_idx ON mission_recommendation (mission_id)`);
    await q.query(`CREATE TABLE recommendation_evidence (
      recommendation_id uuid NOT NULL REFERENCES mission_recommendation (id) ON DELETE CASCADE,
      evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      PRIMARY KEY (recommendation_id, evidence_id))`);
    // A recommendation turned into a corrective measure of the Action Plan (that table comes from 1795500000000).
    await q.query(
      `ALTER TABLE corrective_measure ADD CONSTRAINT "FK_corrective_measure_recommendation" FOREIGN KEY (recommendation_id) REFERENCES mission_recommendation (id) ON DELETE SET NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX corrective_measure_recommendation_idx ON corrective_measure (recommendation_id) WHERE recommendation_id IS NOT NULL`);

    await q.query(`CREATE TABLE consultation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      reference text NOT NULL DEFAULT '',
      introduction text NOT NULL DEFAULT '',
      deadline timestamptz,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'summarised', 'published')),
      snapshot jsonb,
      machine_version integer NOT NULL DEFAULT 1,
      version integer NOT NULL DEFAULT 1,
      published_at timestamptz,
      created_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE consultation_topic (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL)`);
    await q.query(`CREATE INDEX consultation_topic_idx ON consultation_topic (consultation_id, position)`);
    await q.query(`CREATE TABLE consultation_question (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic_id uuid NOT NULL REFERENCES consultation_topic (id) ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL)`);
    await q.query(`CREATE INDEX consultation_question_idx ON consultation_question (topic_id, position)`);
    await q.query(`CREATE TABLE consultation_recipient (
      consultation_id uuid NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
      PRIMARY KEY (consultation_id, organisation_id))`);
    await q.query(`CREATE INDEX consultation_recipient_org_idx ON consultation_recipient (organisation_id)`);
    await q.query(`CREATE TABLE consultation_reply (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      question_id uuid NOT NULL REFERENCES consultation_question (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
      text text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
      sent_at timestamptz,
      author_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (question_id, organisation_id),
      CHECK ((status = 'sent') = (sent_at IS NOT NULL)))`);
    await q.query(`CREATE TABLE consultation_reply_file (
      reply_id uuid NOT NULL REFERENCES consultation_reply (id) ON DELETE CASCADE,
      stored_file_id uuid NOT NULL REFERENCES stored_file (id) ON DELETE RESTRICT,
      PRIMARY KEY (reply_id, stored_file_id))`);
    await q.query(`CREATE TABLE consultation_summary (
      question_id uuid PRIMARY KEY REFERENCES consultation_question (id) ON DELETE CASCADE,
      text text NOT NULL,
      author_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // Which recipients a summary draws on ("Albania, Bosnia and Herzegovina and Kosovo reported …").
    await q.query(`CREATE TABLE consultation_summary_citation (
      question_id uuid NOT NULL REFERENCES consultation_summary (question_id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
      PRIMARY KEY (question_id, organisation_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'consultation_summary_citation',
      'consultation_summary',
      'consultation_reply_file',
      'consultation_reply',
      'consultation_recipient',
      'consultation_question',
      'consultation_topic',
      'consultation',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX corrective_measure_recommendation_idx`);
    await q.query(`ALTER TABLE corrective_measure DROP CONSTRAINT "FK_corrective_measure_recommendation"`);
    for (const table of ['recommendation_evidence', 'mission_recommendation', 'mission_finding', 'mission_meeting']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TRIGGER mission_scope ON mission`);
    await q.query(`DROP TRIGGER mission_country ON mission`);
    await q.query(`DROP FUNCTION mission_scope_from_benchmark()`);
    await q.query(`DROP FUNCTION mission_country_from_benchmark()`);
    await q.query(`DROP TABLE mission_benchmark`);
    await q.query(`ALTER TABLE mission RENAME COLUMN report_submitted_at TO report_uploaded_at`);
    await q.query(
      `ALTER TABLE mission ADD report_file_name text, ADD report_media_type text, ADD report_sha256 text, ADD report_size integer, ADD report_storage_key text, ADD report_uploaded_by uuid`,
    );
    await q.query(`UPDATE mission m SET report_file_name = f.file_name, report_media_type = f.media_type, report_sha256 = f.sha256, report_size = f.size, report_storage_key = f.storage_key, report_uploaded_by = f.uploaded_by
      FROM stored_file f WHERE f.id = m.report_file_id`);
    await q.query(
      `ALTER TABLE mission DROP COLUMN title, DROP COLUMN country_code, DROP COLUMN tor_file_id, DROP COLUMN report_file_id, DROP COLUMN report_shared_at, DROP COLUMN report_shared_by, DROP COLUMN created_by`,
    );
  }
}
