import { Refusal } from '@bt/api/core';
import { BenchmarkRefPipe } from './benchmark-ref.pipe';

describe('BenchmarkRefPipe', () => {
  const pipe = new BenchmarkRefPipe();

  it('takes a code in any case and a uuid', () => {
    expect(pipe.transform('rs-24-mig-02')).toBe('RS-24-MIG-02');
    expect(pipe.transform('6A9BBC3E-8001-4E9D-A8B9-A36BDC90AF5C')).toBe('6a9bbc3e-8001-4e9d-a8b9-a36bdc90af5c');
  });

  it('refuses anything else with a 400 that says what it expects', () => {
    const refusal = (value: string) => {
      try {
        pipe.transform(value);
      } catch (error) {
        return error instanceof Refusal ? { status: error.getStatus(), code: error.reason.code, message: error.message } : error;
      }
      return null;
    };
    expect(refusal("1' OR '1'='1")).toEqual({
      status: 400,
      code: 'benchmark.ref-malformed',
      message: 'id must be a uuid or a benchmark code such as RS-24-MIG-02',
    });
    expect(refusal('RS-24')).toMatchObject({ status: 400, code: 'benchmark.ref-malformed' });
  });
});
