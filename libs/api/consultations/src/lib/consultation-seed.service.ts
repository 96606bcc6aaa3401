import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, DEMO_SEED_ACTOR } from '@bt/api/audit';
import { OrganisationsService } from '@bt/api/identity';
import { CONSULTATION_MACHINE_VERSION, consultationMachine } from '@bt/workflow';

/** A consultation as `seeds/consultations/*.json` holds it (see tools/consultations/derive-2020.py). */
export interface ConsultationSeed {
  title: string;
  reference: string;
  introduction: string;
  deadline: string;
  publishedAt: string;
  recipients: { country: string; name: string }[];
  topics: { title: string; questions: { text: string; summary: string; cited: string[] }[] }[];
}

/** Demo data: the published written consultations of seeds/consultations, on an empty consultation table. */
@Injectable()
export class ConsultationSeedService {
  private readonly logger = new Logger(ConsultationSeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async seedIfEmpty(seedsDir: string): Promise<boolean> {
    const dir = join(seedsDir, 'consultations');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    const seeds = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as ConsultationSeed));
    const seeded = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('demo-consultations'))`);
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM consultation`);
      const [author] = await em.query(
        `SELECT r.user_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE r.role = 'commission' ORDER BY u.created_at LIMIT 1`,
      );
      if (n > 0 || !author || seeds.length === 0) return false;
      const snapshot = JSON.stringify(consultationMachine.getPersistedSnapshot(consultationMachine.resolveState({ value: 'published', context: {} })));
      for (const seed of seeds) {
        const [c] = await em.query(
          `INSERT INTO consultation (title, reference, introduction, deadline, state, snapshot, machine_version, published_at, created_by, created_at)
           VALUES ($1, $2, $3, $4, 'published', $5, $6, $7, $8, $7) RETURNING id`,
          [seed.title, seed.reference, seed.introduction, seed.deadline, snapshot, CONSULTATION_MACHINE_VERSION, seed.publishedAt, author.user_id],
        );
        const organisation = new Map<string, string>();
        for (const r of seed.recipients) {
          const id = await this.organisations.ensureIn(em, { name: r.name, kind: 'ministry', countryCode: r.country });
          organisation.set(r.country, id);
          await em.query(`INSERT INTO consultation_recipient (consultation_id, organisation_id) VALUES ($1, $2)`, [c.id, id]);
        }
        for (const [t, topic] of seed.topics.entries()) {
          const [savedTopic] = await em.query(`INSERT INTO consultation_topic (consultation_id, position, title) VALUES ($1, $2, $3) RETURNING id`, [
            c.id,
            t + 1,
            topic.title,
          ]);
          for (const [q, question] of topic.questions.entries()) {
            const [saved] = await em.query(`INSERT INTO consultation_question (topic_id, position, text) VALUES ($1, $2, $3) RETURNING id`, [
              savedTopic.id,
              q + 1,
              question.text,
            ]);
            await em.query(`INSERT INTO consultation_summary (question_id, text, author_id, updated_at) VALUES ($1, $2, $3, $4)`, [
              saved.id,
              question.summary,
              author.user_id,
              seed.publishedAt,
            ]);
            const cited = question.cited.map((country) => organisation.get(country)).filter(Boolean);
            if (cited.length)
              await em.query(`INSERT INTO consultation_summary_citation (question_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [saved.id, cited]);
          }
        }
        await this.audit.record(em, DEMO_SEED_ACTOR, {
          action: 'consultation.seeded',
          entityType: 'consultation',
          entityId: c.id,
          data: { title: seed.title, reference: seed.reference },
        });
      }
      return true;
    });
    if (seeded) this.logger.log(`demo consultations created: ${seeds.map((s) => s.reference).join(', ')}`);
    return seeded;
  }
}
