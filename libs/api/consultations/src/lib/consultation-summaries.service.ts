import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { type Actor, auditActor } from '@bt/api/identity';
import type { ConsultationDto, ConsultationSummaryRequest } from '@bt/contracts';
import { loadConsultation } from './consultation-rows';
import { ConsultationsService } from './consultations.service';

/** The Commission's summaries of a closed consultation, one per question, citing the recipients each draws on. */
@Injectable()
export class ConsultationSummariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly consultations: ConsultationsService,
  ) {}

  /** Writes the Commission's summary of one question's replies, citing the recipients it draws on (closed or summarised). */
  async saveSummary(actor: Actor, id: string, questionId: string, request: ConsultationSummaryRequest): Promise<ConsultationDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await loadConsultation(em, id, actor, true);
      if (row.state !== 'closed' && row.state !== 'summarised') throw refuse.conflict('consultation.summary-not-yet', { state: row.state });
      const [question] = await em.query(
        `SELECT 1 FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE q.id = $1 AND t.consultation_id = $2`,
        [questionId, id],
      );
      if (!question) throw refuse.notFound('consultation.question-not-found', { id: questionId });
      const cited = [...new Set(request.citedOrganisationIds)];
      const recipients = await em.query(`SELECT organisation_id FROM consultation_recipient WHERE consultation_id = $1 AND organisation_id = ANY($2)`, [
        id,
        cited,
      ]);
      if (recipients.length !== cited.length) throw refuse.unprocessable('consultation.summary-cites-non-recipient');
      await em.query(
        `INSERT INTO consultation_summary (question_id, text, author_id) VALUES ($1, $2, $3)
         ON CONFLICT (question_id) DO UPDATE SET text = EXCLUDED.text, author_id = EXCLUDED.author_id, updated_at = now()`,
        [questionId, request.text.trim(), actor.userId],
      );
      // A summary changes what PUBLISH publishes: the version moves, so a PUBLISH on what was seen before is a 409.
      await em.query(`UPDATE consultation SET version = version + 1 WHERE id = $1`, [id]);
      await em.query(`DELETE FROM consultation_summary_citation WHERE question_id = $1`, [questionId]);
      if (cited.length)
        await em.query(`INSERT INTO consultation_summary_citation (question_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [questionId, cited]);
      await this.audit.record(em, auditActor(actor), {
        action: 'consultation.summary_saved',
        entityType: 'consultation',
        entityId: id,
        data: { questionId, cited, text: request.text.trim() },
      });
    });
    return this.consultations.get(actor, id);
  }
}
