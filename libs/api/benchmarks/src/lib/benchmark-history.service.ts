import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared, refuse } from '@bt/api/core';
import { seesDialogue, takesPart } from '@bt/api/dialogue';
import { visibleEvidence } from '@bt/api/evidence';
import { type BenchmarkScope, isUuid } from '@bt/api/catalogue';
import type { EvidenceVisibility, HistoryEventDto } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { missionExpertSql } from '@bt/api/missions';
import { readsCountryRecords } from '@bt/api/track-records';

/** A benchmark's history: its audit events, each shown to whoever may see what it is about. */
@Injectable()
export class BenchmarkHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The benchmark's audit events, oldest first, as far as this viewer may see what they are about:
   * the workflow's steps to everyone signed in (their comments to those who take part), evidence
   * events by the item's visibility, the dialogue's to those who see it, track records and the Action
   * Plan to those who read the country's records, everything else to those who take part.
   */
  async history(viewer: Viewer, benchmarkRef: string): Promise<HistoryEventDto[]> {
    // One statement: the benchmark, whether the viewer is an expert of its mission, and its events with
    // only the fields the history shows (an event's data may hold whole texts).
    const [row] = await prepared(this.dataSource).query<BenchmarkEventsRow>(
      `SELECT b.id, b.code, a.country_code, b.state, b.version, ${missionExpertSql('b.id', '$2::uuid')} AS mission_expert,
              (SELECT coalesce(json_agg(json_build_object('id', e.id::text, 'at', e.occurred_at, 'actor', coalesce(u.display_name, e.actor_label), 'action', e.action,
                        'event', e.data->>'event', 'from', e.data->>'from', 'to', e.data->>'to', 'comment', e.data->>'comment', 'evidenceVisibility', ev.visibility) ORDER BY e.id), '[]')
                 FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
                 LEFT JOIN evidence ev ON e.action LIKE 'evidence.%' AND ev.id = ${EVIDENCE_ID_OF_EVENT}
                WHERE e.entity_type = 'benchmark' AND e.entity_id = b.id::text) AS events
         FROM benchmark b JOIN area a ON a.id = b.area_id
        WHERE ${isUuid(benchmarkRef) ? 'b.id = $1::uuid' : 'b.code = $1'}`,
      [benchmarkRef, viewer.userId],
    );
    if (!row) throw refuse.notFound('benchmark.not-found', { ref: benchmarkRef });
    const scope: BenchmarkScope = { id: row.id, code: row.code, countryCode: row.country_code.trim(), state: row.state, version: row.version };
    const missionExpert: boolean = row.mission_expert;
    const participant = takesPart(viewer, scope, missionExpert);
    const evidence = visibleEvidence(viewer, scope, missionExpert);
    const family = (action: string) => action.slice(0, action.indexOf('.'));
    const dialogue = seesDialogue(viewer, scope, missionExpert);
    const records = readsCountryRecords(viewer, scope, missionExpert);
    const sees: Record<string, boolean> = {
      benchmark: true,
      proposal: dialogue,
      comment: dialogue,
      'track-record': records,
      'action-plan': records,
      corrective_measure: records,
      // The report's upload: its reviewers only (the ministry sees the report itself once shared).
      mission: hasRole(viewer, 'commission') || missionExpert,
    };
    return row.events
      .filter((e) =>
        family(e.action) === 'evidence' ? evidence.includes(e.evidenceVisibility as EvidenceVisibility) : (sees[family(e.action)] ?? participant),
      )
      .map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        actor: e.actor,
        action: e.action,
        event: e.event,
        from: e.from,
        to: e.to,
        comment: participant ? e.comment : null,
      }));
  }
}

/**
 * The evidence item an `evidence.*` audit event names, as a uuid the primary key can find (comparing
 * `ev.id::text` would read every evidence item); null when the event holds no well-formed id.
 */
const EVIDENCE_ID_OF_EVENT = `CASE WHEN e.data->>'evidenceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (e.data->>'evidenceId')::uuid END`;

/** `history`'s row: the benchmark, whether the viewer is an expert of its mission, and its events. */
interface BenchmarkEventsRow {
  id: string;
  code: string;
  country_code: string;
  state: BenchmarkScope['state'];
  version: number;
  mission_expert: boolean;
  events: HistoryRow[];
}

/** One event of `history`'s statement: the event as answered, and the visibility of the evidence it names (to filter by). */
interface HistoryRow extends HistoryEventDto {
  evidenceVisibility: string | null;
}
