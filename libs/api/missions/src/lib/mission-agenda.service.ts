import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import type { MissionDetailDto, MissionFindingRequest, MissionMeetingRequest } from '@bt/contracts';
import { type Actor, auditActor } from '@bt/api/identity';
import { type MissionRow, scopeBenchmark } from './mission-rows';
import { MissionsService } from './missions.service';

/** A meeting of the agenda falls within the mission's dates (422 otherwise). */
function checkMeetingDate(mission: MissionRow, meetsOn: string): void {
  const [start, end] = [mission.start_date, mission.end_date];
  if (meetsOn < start || meetsOn > end) throw refuse.unprocessable('mission.meeting-outside-dates', { start, end, date: meetsOn });
}

/** A mission's agenda (its meetings, within the mission's dates) and its findings per benchmark of the scope. */
@Injectable()
export class MissionAgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly missions: MissionsService,
  ) {}

  /** Adds a meeting to the agenda (the Commission or an expert of the mission). */
  async addMeeting(actor: Actor, id: string, request: MissionMeetingRequest): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      checkMeetingDate(row, request.meetsOn);
      const [m] = await em.query<{ id: string }[]>(
        `INSERT INTO mission_meeting (mission_id, meets_on, institution, participants) VALUES ($1, $2, $3, $4) RETURNING id`,
        [id, request.meetsOn, request.institution.trim(), request.participants?.trim() ?? ''],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.meeting_added',
        entityType: 'mission',
        entityId: id,
        data: { meetingId: m.id, meetsOn: request.meetsOn, institution: request.institution.trim() },
      });
      return this.missions.detail(actor, id, em);
    });
  }

  /** A meeting of this mission's agenda, locked; 404 for any other. */
  private async meetingOf(em: EntityManager, id: string, meetingId: string): Promise<{ meets_on: string; institution: string; participants: string }> {
    const [meeting] = await em.query<{ meets_on: string; institution: string; participants: string }[]>(
      `SELECT meets_on, institution, participants FROM mission_meeting WHERE id = $1 AND mission_id = $2 FOR UPDATE`,
      [meetingId, id],
    );
    if (!meeting) throw refuse.notFound('mission.meeting-not-found', { meeting: meetingId, mission: id });
    return meeting;
  }

  /** Corrects a meeting of the agenda (the Commission); the same rules as adding one. */
  async correctMeeting(actor: Actor, id: string, meetingId: string, request: MissionMeetingRequest): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      const meeting = await this.meetingOf(em, id, meetingId);
      checkMeetingDate(row, request.meetsOn);
      const after = { meetsOn: request.meetsOn, institution: request.institution.trim(), participants: request.participants?.trim() ?? '' };
      await em.query(`UPDATE mission_meeting SET meets_on = $2, institution = $3, participants = $4 WHERE id = $1`, [
        meetingId,
        after.meetsOn,
        after.institution,
        after.participants,
      ]);
      const before = { meetsOn: meeting.meets_on, institution: meeting.institution, participants: meeting.participants };
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.meeting_corrected',
        entityType: 'mission',
        entityId: id,
        data: { meetingId, before, after },
      });
      return this.missions.detail(actor, id, em);
    });
  }

  /** Removes a meeting from the agenda (the Commission). */
  async removeMeeting(actor: Actor, id: string, meetingId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { access } = await this.missions.load(em, actor, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      const removed = await this.meetingOf(em, id, meetingId);
      await em.query(`DELETE FROM mission_meeting WHERE id = $1`, [meetingId]);
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.meeting_removed',
        entityType: 'mission',
        entityId: id,
        data: { meetingId, before: { meetsOn: removed.meets_on, institution: removed.institution, participants: removed.participants } },
      });
    });
  }

  /** Writes the mission's finding on one benchmark of its scope (the Commission or an expert of the mission). */
  async saveFinding(actor: Actor, id: string, benchmarkRef: string, request: MissionFindingRequest): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      const benchmarkId = scopeBenchmark(row, benchmarkRef);
      await em.query(
        `INSERT INTO mission_finding (mission_id, benchmark_id, text, author_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (mission_id, benchmark_id) DO UPDATE SET text = EXCLUDED.text, author_id = EXCLUDED.author_id, updated_at = now()`,
        [id, benchmarkId, request.text.trim(), actor.userId],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.finding_saved',
        entityType: 'mission',
        entityId: id,
        data: { benchmarkId, text: request.text.trim() },
      });
      return this.missions.detail(actor, id, em);
    });
  }
}
