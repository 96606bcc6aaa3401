import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting periods of each country's chapter, kept as assessments are recorded, so the chapter
 * overview offers its periods without reading every assessment of the chapter. `published`: the
 * public sees an assessment of the period (a CSO's shadow assessment, or any voice on an accepted
 * benchmark); whoever takes part sees every period.
 */
export class ChapterPeriods1795580000000 implements MigrationInterface {
  name = 'ChapterPeriods1795580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "chapter_period" (
      "country_code" character(2) NOT NULL,
      "chapter_number" integer NOT NULL,
      "period" text NOT NULL,
      "published" boolean NOT NULL,
      CONSTRAINT "PK_chapter_period" PRIMARY KEY ("country_code", "chapter_number", "period"))`);
    await q.query(`CREATE FUNCTION chapter_period_of_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO chapter_period (country_code, chapter_number, period, published)
        SELECT a.country_code, a.chapter_number, NEW.period, NEW.voice = 'civil_society' OR b.state = 'accepted'
          FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = NEW.benchmark_id
        ON CONFLICT (country_code, chapter_number, period) DO UPDATE SET published = true WHERE excluded.published AND NOT chapter_period.published;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "assessment_chapter_period" AFTER INSERT ON "assessment" FOR EACH ROW EXECUTE FUNCTION chapter_period_of_assessment()`);
    // Accepting a benchmark publishes its assessments' periods; reopening it may withdraw them.
    await q.query(`CREATE FUNCTION chapter_period_of_benchmark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE chapter_period c
           SET published = NEW.state = 'accepted' OR EXISTS (
                 SELECT 1 FROM area x JOIN benchmark b ON b.area_id = x.id JOIN assessment s ON s.benchmark_id = b.id
                  WHERE x.country_code = c.country_code AND x.chapter_number = c.chapter_number AND s.period = c.period
                    AND (s.voice = 'civil_society' OR b.state = 'accepted'))
          FROM area a
         WHERE a.id = NEW.area_id AND c.country_code = a.country_code AND c.chapter_number = a.chapter_number
           AND c.period IN (SELECT s.period FROM assessment s WHERE s.benchmark_id = NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "benchmark_chapter_period" AFTER UPDATE OF "state" ON "benchmark"
      FOR EACH ROW WHEN ((OLD.state = 'accepted') <> (NEW.state = 'accepted')) EXECUTE FUNCTION chapter_period_of_benchmark()`);
    await q.query(`INSERT INTO chapter_period (country_code, chapter_number, period, published)
      SELECT a.country_code, a.chapter_number, s.period, bool_or(s.voice = 'civil_society' OR b.state = 'accepted')
        FROM assessment s JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
       GROUP BY a.country_code, a.chapter_number, s.period`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "benchmark_chapter_period" ON "benchmark"`);
    await q.query(`DROP FUNCTION chapter_period_of_benchmark()`);
    await q.query(`DROP TRIGGER "assessment_chapter_period" ON "assessment"`);
    await q.query(`DROP FUNCTION chapter_period_of_assessment()`);
    await q.query(`DROP TABLE "chapter_period"`);
  }
}
