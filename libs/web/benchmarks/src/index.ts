export { BENCHMARK_ROUTES } from './lib/benchmarks.routes';
