import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from '@bt/api/audit';
import { Refusal, refuse } from '@bt/api/core';
import { type CreateOrganisationRequest, type OrganisationDto, refusal, type UpdateOrganisationRequest } from '@bt/contracts';
import { Organisation } from './organisation.entity';
import { organisationProblems } from './role-rules';
import { toOrganisationDto } from './users.mapper';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<OrganisationDto[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .addSelect('(SELECT count(*)::int FROM app_user u WHERE u.organisation_id = o.id)', 'user_count')
      .orderBy('o.countryCode', 'ASC', 'NULLS FIRST')
      .addOrderBy('o.name')
      .getRawAndEntities<{ user_count: number }>();
    return entities.map((o, i) => toOrganisationDto(o, raw[i].user_count));
  }

  /**
   * An organisation by its name, created when there is none (the demo's consultation recipients),
   * inside the caller's transaction: its id.
   */
  async ensureIn(em: EntityManager, organisation: { name: string; kind: string; countryCode: string | null }): Promise<string> {
    await em.query(`INSERT INTO organisation (name, kind, country_code) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
      organisation.name,
      organisation.kind,
      organisation.countryCode,
    ]);
    const [found] = await em.query(`SELECT id FROM organisation WHERE name = $1`, [organisation.name]);
    return String(found.id);
  }

  async create(request: CreateOrganisationRequest, actor: AuditActor): Promise<OrganisationDto> {
    const country = request.country ?? null;
    const memberState = request.memberState ?? null;
    const problems = organisationProblems(request.kind, country, memberState);
    if (problems.length) throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, refusal('organisation.fields-not-fitting'), problems);
    return this.dataSource.transaction(async (em) => {
      if (country && !(await em.query('SELECT 1 FROM country WHERE code = $1', [country])).length) {
        throw refuse.unprocessable('country.unknown', { country });
      }
      if (await em.existsBy(Organisation, { name: request.name.trim() })) {
        throw refuse.conflict('organisation.name-taken', { name: request.name.trim() });
      }
      const organisation = await em.save(em.create(Organisation, { name: request.name.trim(), kind: request.kind, countryCode: country, memberState }));
      await this.audit.record(em, actor, {
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        data: { after: { name: organisation.name, kind: organisation.kind, country, memberState } },
      });
      return toOrganisationDto(organisation, 0);
    });
  }

  async update(id: string, request: UpdateOrganisationRequest, actor: AuditActor): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (em) => {
      const organisation = await em.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw refuse.notFound('organisation.not-found', { id });
      const before = { name: organisation.name };
      if (request.name !== undefined) {
        const name = request.name.trim();
        const clash = await em.findOneBy(Organisation, { name });
        if (clash && clash.id !== id) throw refuse.conflict('organisation.name-taken', { name });
        organisation.name = name;
      }
      await em.save(organisation);
      await this.audit.record(em, actor, {
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        data: { before, after: { name: organisation.name } },
      });
      const [{ count }] = await em.query('SELECT count(*)::int AS count FROM app_user WHERE organisation_id = $1', [id]);
      return toOrganisationDto(organisation, count);
    });
  }
}
