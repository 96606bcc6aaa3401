// The benchmark pages' routes, loaded by the app under /benchmarks: a second entry point, so that a
// feature importing '@bt/web/benchmarks' for its chip or labels does not load the list page with it.
export { BENCHMARK_ROUTES } from './lib/benchmarks.routes';
