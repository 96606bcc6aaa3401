import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AreaDto, BenchmarkDetailDto, BenchmarkWorkflowDto, BenchmarkListQuery, BenchmarkSummaryDto, AreaListQuery, Page } from '@bt/contracts';
import { Area, Benchmark, isUuid } from '@bt/api/catalogue';

const DEFAULT_PAGE_SIZE = 50;

/** Reads of the benchmark catalogue with each benchmark's workflow state. */
@Injectable()
export class BenchmarksService {
  constructor(
    @InjectRepository(Benchmark) private readonly benchmarks: Repository<Benchmark>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
  ) {}

  async list(query: BenchmarkListQuery): Promise<Page<BenchmarkSummaryDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.benchmarks
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.area', 'a')
      .orderBy('a.countryCode')
      .addOrderBy('a.chapterNumber')
      .addOrderBy('a.position')
      .addOrderBy('b.position')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    this.applyFilters(qb, query);
    const [rows, total] = await qb.getManyAndCount();
    const counts = await this.subRequirementCounts(rows.map((b) => b.id));
    return { items: rows.map((b) => toSummary(b, counts.get(b.id) ?? 0)), total, page, pageSize };
  }

  /** By id (uuid) or by code (RS-24-MIG-02). */
  async get(idOrCode: string): Promise<Omit<BenchmarkDetailDto, keyof BenchmarkWorkflowDto>> {
    const benchmark = await this.benchmarks.findOne({
      where: isUuid(idOrCode) ? { id: idOrCode } : { code: idOrCode },
      relations: { area: true, subRequirements: true },
      order: { subRequirements: { position: 'ASC' } },
    });
    if (!benchmark) {
      throw new NotFoundException(`No benchmark ${idOrCode}`);
    }
    const subRequirements = benchmark.subRequirements ?? [];
    return {
      ...toSummary(benchmark, subRequirements.length),
      area: { code: benchmark.area?.code ?? '', title: benchmark.area?.title ?? '', intro: benchmark.area?.intro ?? null },
      subRequirements: subRequirements.map((s) => ({ id: s.id, code: s.code, position: s.position, text: s.text })),
    };
  }

  async listAreas(query: AreaListQuery): Promise<AreaDto[]> {
    const qb = this.areas
      .createQueryBuilder('a')
      .addSelect((sq) => sq.select('count(*)::int').from(Benchmark, 'b').where('b.area_id = a.id'), 'benchmark_count')
      .orderBy('a.countryCode')
      .addOrderBy('a.chapterNumber')
      .addOrderBy('a.position');
    if (query.country) qb.andWhere('a.country_code = :country', { country: query.country });
    if (query.chapter) qb.andWhere('a.chapter_number = :chapter', { chapter: query.chapter });
    const { entities, raw } = await qb.getRawAndEntities<{ benchmark_count: number }>();
    return entities.map((a, i) => ({
      code: a.code,
      title: a.title,
      intro: a.intro,
      position: a.position,
      country: a.countryCode,
      chapter: a.chapterNumber,
      benchmarkCount: raw[i].benchmark_count,
    }));
  }

  private async subRequirementCounts(benchmarkIds: string[]): Promise<Map<string, number>> {
    if (benchmarkIds.length === 0) return new Map();
    const rows: { benchmark_id: string; count: number }[] = await this.benchmarks.query(
      `SELECT benchmark_id, count(*)::int AS count FROM sub_requirement WHERE benchmark_id = ANY($1) GROUP BY benchmark_id`,
      [benchmarkIds],
    );
    return new Map(rows.map((r) => [r.benchmark_id, r.count]));
  }

  private applyFilters(qb: SelectQueryBuilder<Benchmark>, query: BenchmarkListQuery): void {
    if (query.country) qb.andWhere('a.country_code = :country', { country: query.country });
    if (query.chapter) qb.andWhere('a.chapter_number = :chapter', { chapter: query.chapter });
    if (query.area) qb.andWhere('a.code = :area', { area: query.area });
    if (query.state) qb.andWhere('b.state = :state', { state: query.state });
    // Every word must occur in the code, the text or a sub-requirement's text.
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
    words.forEach((word, i) => {
      const param = `q${i}`;
      qb.andWhere(
        `(b.code ILIKE :${param} OR b.text ILIKE :${param}
          OR EXISTS (SELECT 1 FROM sub_requirement s WHERE s.benchmark_id = b.id AND (s.text ILIKE :${param} OR s.code ILIKE :${param})))`,
        { [param]: `%${escapeLike(word)}%` },
      );
    });
  }
}

/** `b` comes with its area joined. */
function toSummary(b: Benchmark, subRequirementCount: number): BenchmarkSummaryDto {
  const area = b.area as Area;
  return {
    id: b.id,
    code: b.code,
    country: area.countryCode,
    chapter: area.chapterNumber,
    area: { code: area.code, title: area.title },
    position: b.position,
    text: b.text,
    state: b.state,
    version: b.version,
    subRequirementCount,
    updatedAt: b.updatedAt.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
