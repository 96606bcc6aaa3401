import { BadRequestException } from '@nestjs/common';
import { BenchmarkRefPipe } from './benchmark-ref.pipe';

describe('BenchmarkRefPipe', () => {
  const pipe = new BenchmarkRefPipe();

  it('takes a code in any case and a uuid', () => {
    expect(pipe.transform('rs-24-mig-02')).toBe('RS-24-MIG-02');
    expect(pipe.transform('6A9BBC3E-8001-4E9D-A8B9-A36BDC90AF5C')).toBe('6a9bbc3e-8001-4e9d-a8b9-a36bdc90af5c');
  });

  it('refuses anything else with a 400 that says what it expects', () => {
    expect(() => pipe.transform("1' OR '1'='1")).toThrow(BadRequestException);
    expect(() => pipe.transform('RS-24')).toThrow('uuid or a benchmark code');
  });
});
