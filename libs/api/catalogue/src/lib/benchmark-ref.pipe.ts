import { Injectable, type PipeTransform } from '@nestjs/common';
import { refuse } from '@bt/api/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A benchmark is found by its uuid or by its code (RS-24-MIG-02); this tells which. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
const CODE = /^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/i;

/** A benchmark reference in a path: a uuid or a code such as RS-24-MIG-02; anything else is a 400. */
@Injectable()
export class BenchmarkRefPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUuid(value)) return value.toLowerCase();
    if (CODE.test(value)) return value.toUpperCase();
    throw refuse.badRequest('benchmark.ref-malformed');
  }
}
