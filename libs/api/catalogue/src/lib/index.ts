import { Area } from './area.entity';
import { Benchmark } from './benchmark.entity';
import { Chapter } from './chapter.entity';
import { Country } from './country.entity';
import { SubRequirement } from './sub-requirement.entity';

export { Area, Benchmark, Chapter, Country, SubRequirement };

export const CATALOGUE_ENTITIES = [Country, Chapter, Area, Benchmark, SubRequirement];
