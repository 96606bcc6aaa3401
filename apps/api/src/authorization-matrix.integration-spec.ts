import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiClient, DEMO_PASSWORD } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Every route of the app × every kind of caller × an object of the caller's own country and of
 * another: the status each must get. The routes come from the app itself, so a new route without
 * a line in EXPECTATIONS fails this test: nobody adds a route without deciding who may call it.
 */
type Actor = 'anonymous' | 'admin' | 'commission' | 'coordinator' | 'ministry' | 'ministry.al' | 'cso' | 'expert';
type Side = 'own' | 'other';
const ACTORS: Actor[] = ['anonymous', 'admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'];
const SIDES: Side[] = ['own', 'other'];

/** The objects a cell works on: ids of a country's benchmark, organisation and a throwaway user. */
interface Target {
  country: string;
  benchmark: string;
  organisation: string;
  user: string;
}

interface Expectation {
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  status: (actor: Actor, side: Side) => number;
}

const signedIn = (ok: number) => (actor: Actor) => (actor === 'anonymous' ? 401 : ok);
const adminOnly = (ok: number) => (actor: Actor) => (actor === 'anonymous' ? 401 : actor === 'admin' ? ok : 403);
const anyone = (ok: number) => () => ok;
let unique = 0;

const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/health': { path: () => '/api/health', status: anyone(200) },
  'GET /api/benchmarks': { path: (t) => `/api/benchmarks?country=${t.country}`, status: anyone(200) },
  'GET /api/benchmarks/:id': { path: (t) => `/api/benchmarks/${t.benchmark}`, status: anyone(200) },
  'GET /api/areas': { path: (t) => `/api/areas?country=${t.country}`, status: anyone(200) },
  'POST /api/auth/login': { path: () => '/api/auth/login', body: () => ({ email: `nobody${++unique}@demo.test`, password: 'wrong-password' }), status: anyone(401) },
  'GET /api/auth/me': { path: () => '/api/auth/me', status: signedIn(200) },
  'POST /api/auth/logout': { path: () => '/api/auth/logout', status: signedIn(204) },
  'POST /api/auth/logout-everywhere': { path: () => '/api/auth/logout-everywhere', status: signedIn(204) },
  'POST /api/auth/password': { path: () => '/api/auth/password', body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }), status: signedIn(204) },
  'GET /api/auth/options': { path: () => '/api/auth/options', status: anyone(200) },
  // Single sign-on is open to anyone; this app runs without an identity provider, so both say 404.
  'GET /api/auth/oidc/login': { path: () => '/api/auth/oidc/login?returnTo=/benchmarks', status: anyone(404) },
  'GET /api/auth/oidc/callback': { path: () => '/api/auth/oidc/callback?code=x&state=y', status: anyone(404) },
  'GET /api/admin/organisations': { path: () => '/api/admin/organisations', status: adminOnly(200) },
  'POST /api/admin/organisations': {
    path: () => '/api/admin/organisations',
    body: (t) => ({ name: `Matrix CSO ${++unique}`, kind: 'civil_society', country: t.country }),
    status: adminOnly(201),
  },
  'PATCH /api/admin/organisations/:id': { path: (t) => `/api/admin/organisations/${t.organisation}`, body: () => ({ name: `Renamed ${++unique}` }), status: adminOnly(200) },
  'GET /api/admin/users': { path: () => '/api/admin/users', status: adminOnly(200) },
  'POST /api/admin/users': {
    path: () => '/api/admin/users',
    body: (t) => ({ email: `matrix${++unique}@demo.test`, displayName: 'Matrix', organisationId: t.organisation, roles: [{ role: 'civil_society' }] }),
    status: adminOnly(201),
  },
  'GET /api/admin/users/:id': { path: (t) => `/api/admin/users/${t.user}`, status: adminOnly(200) },
  'PATCH /api/admin/users/:id': { path: (t) => `/api/admin/users/${t.user}`, body: () => ({ displayName: 'Renamed' }), status: adminOnly(200) },
  'PUT /api/admin/users/:id/roles': { path: (t) => `/api/admin/users/${t.user}/roles`, body: () => ({ roles: [{ role: 'civil_society' }] }), status: adminOnly(200) },
  'POST /api/admin/users/:id/disable': { path: (t) => `/api/admin/users/${t.user}/disable`, status: adminOnly(201) },
  'POST /api/admin/users/:id/enable': { path: (t) => `/api/admin/users/${t.user}/enable`, status: adminOnly(201) },
  'POST /api/admin/users/:id/reset-password': { path: (t) => `/api/admin/users/${t.user}/reset-password`, status: adminOnly(201) },
  'GET /api/admin/settings': { path: () => '/api/admin/settings', status: adminOnly(200) },
  'PUT /api/admin/settings': { path: () => '/api/admin/settings', body: () => ({ oidcSelfProvisioningOrganisationId: null }), status: adminOnly(200) },
};

/** "METHOD /api/path/:param" for every handler of every controller, read from Nest's own metadata. */
function routeTable(app: NestFastifyApplication): string[] {
  const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
  const routes: string[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!type) continue;
    const base = Reflect.getMetadata(PATH_METADATA, type) as string;
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = type.prototype[name];
      const path = typeof handler === 'function' ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) : undefined;
      if (path === undefined || name === 'constructor') continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      routes.push(`${method} ${join('api', base, path)}`);
    }
  }
  return routes.sort();
}

describe('authorization matrix', () => {
  let api: TestApi;
  let admin: ApiClient;
  const countries: Record<string, Omit<Target, 'user'>> = {};
  let ip = 0;

  beforeAll(async () => {
    api = await startTestApi();
    // Albania gets one benchmark of its own, so every object exists on both sides of a country line.
    const [area] = await api.sql(`INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('AL', 24, 'MIG', 'Migration', 1) RETURNING id`);
    await api.sql(`INSERT INTO benchmark (code, area_id, position, text) VALUES ('AL-24-MIG-01', $1, 1, 'Albania test benchmark')`, [area.id]);
    for (const country of ['RS', 'AL']) {
      const [org] = await api.sql(`SELECT id FROM organisation WHERE country_code = $1 AND kind = 'civil_society' LIMIT 1`, [country]);
      const organisation = org?.id ?? (await api.sql(`INSERT INTO organisation (name, kind, country_code) VALUES ($1, 'civil_society', $2) RETURNING id`, [`${country} matrix CSO`, country]))[0].id;
      countries[country] = { country, benchmark: `${country}-24-MIG-01`, organisation };
    }
    admin = api.client({ ip: '10.1.0.1' });
    await admin.signIn('admin@demo.test');
  });
  afterAll(() => api?.close());

  it('has a decision for every route the app serves, and no decision for a route it does not', () => {
    expect(routeTable(api.app)).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  const countryOf = (actor: Actor) => (actor === 'ministry.al' ? 'AL' : 'RS');

  for (const route of Object.keys(EXPECTATIONS)) {
    it(`${route}: each caller on its own and on another country's object`, async () => {
      const expectation = EXPECTATIONS[route];
      const [method] = route.split(' ');
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const actor of ACTORS) {
        for (const side of SIDES) {
          const country = side === 'own' ? countryOf(actor) : countryOf(actor) === 'RS' ? 'AL' : 'RS';
          // Cells that end the admin's other sessions (sign out everywhere, password change) end this one too.
          if ((await admin.get('/api/auth/me')).status === 401) await admin.signIn('admin@demo.test');
          // A throwaway user for each cell, so disabling or renaming one never disturbs another cell.
          const created = await admin.post('/api/admin/users', {
            email: `target${++unique}@demo.test`,
            displayName: 'Target',
            organisationId: countries[country].organisation,
            roles: [{ role: 'civil_society' }],
          });
          const target: Target = { ...countries[country], user: created.body.user.id };
          const client = api.client({ ip: `10.2.${Math.floor(++ip / 250)}.${ip % 250}` });
          if (actor !== 'anonymous') expect((await client.signIn(`${actor}@demo.test`)).status).toBe(200);
          else await client.get('/api/health');
          const answer = await client.request(method, expectation.path(target), expectation.body?.(target) ?? (method === 'GET' ? undefined : {}));
          outcomes.push(`${actor}/${side}: ${answer.status}`);
          wanted.push(`${actor}/${side}: ${expectation.status(actor, side)}`);
        }
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
