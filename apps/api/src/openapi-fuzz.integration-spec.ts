import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import * as fc from 'fast-check';
import { generate } from 'otplib';
import { hashToken, ROLES_KEY, SESSION_COOKIE } from '@bt/api/identity';
import { REFUSALS, TRACK_RECORD_CATEGORIES, TRACK_RECORD_COLUMNS } from '@bt/contracts';
import { type ApiClient, deflatedEntry, zipFile } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

/*
 * A property-based fuzz test over the OpenAPI document: every operation gets malformed path
 * parameters, queries and bodies (JSON derived from its request schema, raw text, multipart with
 * CSV and XLSX sheets), sent by signed-in users of every role (with the XSRF header, so requests
 * reach validation and the domain code) and by an anonymous caller. No answer may be 5xx (or none
 * at all), and a refused request (any answer but 2xx) — or any GET — must leave the database as it
 * was. Accepted requests may change it: part of the bodies are plausible on purpose.
 *
 * Bounded: FUZZ_RUNS requests per state-changing operation (half as many per GET), from the fixed
 * seed FUZZ_SEED. A failure prints the request, fast-check's seed and path; to replay it alone:
 *   FUZZ_SEED=<seed> FUZZ_ONLY='<METHOD /api/path>' FUZZ_PATH=<path> npx jest apps/api/src/openapi-fuzz.integration-spec.ts
 * (alone, the operation starts from the demo data, without what earlier operations' accepted
 * requests changed). FUZZ_ONLY with a larger FUZZ_RUNS fuzzes one operation harder; FUZZ_TALLY=1
 * prints the answers' statuses per operation.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_501);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);
const ONLY = process.env['FUZZ_ONLY'];
const PATH = process.env['FUZZ_PATH'];
/** A GET has no body to fuzz: half the runs. */
const runsOf = (op: { method: string }) => (op.method === 'GET' ? Math.ceil(RUNS / 2) : RUNS);
/** A request left unanswered this long is a failure too (a hung request holds a connection, and a file being written). */
const ANSWER_WITHIN_MS = 20_000;

/*
 * Operations fuzzed only in part, with the reason. Everything else gets every kind of input from
 * every caller.
 */
const ANONYMOUS_ONLY: Record<string, string> = {
  // Ending a session is what these do, whatever the body: signed-in, they would end the fuzzing users' sessions.
  'POST /api/auth/logout': 'ends the caller’s session',
  'POST /api/auth/logout-everywhere': 'ends every session of the caller',
};

/*
 * Tables that change on refused requests by design, left out of the fingerprint: the session's
 * last-seen time is touched by any request; refused sign-ins and wrong second-factor codes are
 * counted for the sign-in throttle, and wrong codes on a waiting sign-in in it. (Those refusals are
 * also audited: audit_event is compared without their events.)
 */
const UNCOMPARED_TABLES = ['user_session', 'login_failure', 'login_refusal', 'pending_sign_in'];
const AUDITED_REFUSALS = ['auth.sign_in_failed', 'auth.sign_in_locked', 'auth.second_factor_failed'];

const ACTORS = ['admin', 'commission', 'coordinator', 'ministry', 'ministry.al', 'cso', 'expert'] as const;
type Actor = (typeof ACTORS)[number] | 'anonymous';
const ROLES_OF: Record<(typeof ACTORS)[number], string[]> = {
  admin: ['admin'],
  commission: ['commission'],
  coordinator: ['ministry'],
  ministry: ['ministry'],
  'ministry.al': ['ministry'],
  cso: ['civil_society'],
  expert: ['expert'],
};

// ---------------------------------------------------------------------------------------------
// The operations: the OpenAPI document, with what Nest knows of each handler.

/** The part of JSON Schema the document uses for request fields. */
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

interface Operation {
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  /** The JSON body's schema; null: the operation reads no JSON body. */
  body: Schema | null;
  multipart: boolean;
  roles: string[] | null;
}

interface Handler {
  roles: string[] | null;
  bodyType: (new () => unknown) | null;
  queryType: (new () => unknown) | null;
  multipart: boolean;
}

/** Nest's own metadata for every handler, by "METHOD /api/path/{param}". */
function handlers(api: TestApi): Map<string, Handler> {
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`;
  const found = new Map<string, Handler>();
  const controllers = [...api.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!type) continue;
    const base = Reflect.getMetadata(PATH_METADATA, type) as string;
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = type.prototype[name];
      const path = typeof handler === 'function' ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) : undefined;
      if (path === undefined || name === 'constructor') continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const paramTypes = (Reflect.getMetadata('design:paramtypes', type.prototype, name) ?? []) as (new () => unknown)[];
      const argType = (kind: RouteParamtypes) => {
        const arg = Object.entries(args).find(([key, value]) => key.startsWith(`${kind}:`) && value.data === undefined)?.[1];
        return arg ? paramTypes[arg.index] : null;
      };
      found.set(`${method} ${join('api', base, path).replace(/:(\w+)/g, '{$1}')}`, {
        roles: (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, type) ?? null) as string[] | null,
        bodyType: argType(RouteParamtypes.BODY),
        queryType: argType(RouteParamtypes.QUERY),
        multipart: ((Reflect.getMetadata('swagger/apiConsumes', handler) ?? []) as string[]).includes('multipart/form-data'),
      });
    }
  }
  return found;
}

type OpenApi = {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

function operations(document: OpenApi, known: Map<string, Handler>): Operation[] {
  const resolve = (schema: Schema): Schema => (schema.$ref ? (document.components?.schemas?.[schema.$ref.split('/').pop() as string] ?? {}) : schema);
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      const handler = known.get(key);
      if (!handler) throw new Error(`${key} is in the OpenAPI document but no handler was found for it`);
      const parameters = operation.parameters ?? [];
      const query: Record<string, Schema> = {};
      for (const p of parameters.filter((p) => p.in === 'query')) query[p.name] = p.schema ?? { type: 'string' };
      const content = operation.requestBody?.content ?? {};
      let body = content['application/json'] ? resolve(content['application/json'].schema) : null;
      // Built with the @nestjs/swagger compiler plugin (apps/api/webpack.config.js), the document describes
      // the request classes' fields; compiled by ts-jest it does not, so they are read from class-validator.
      if (handler.bodyType && (!body || !Object.keys(body.properties ?? {}).length)) body = schemaOfClass(handler.bodyType);
      if (handler.queryType) Object.assign(query, schemaOfClass(handler.queryType).properties, query);
      list.push({
        key,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query,
        body,
        multipart: handler.multipart || 'multipart/form-data' in content,
        roles: handler.roles,
      });
    }
  }
  return list;
}

// class-transformer's @Type() of nested request classes (its storage is not part of its typed API).
const typeStorage = require('class-transformer/cjs/storage').defaultMetadataStorage as {
  findTypeMetadata(target: unknown, property: string): { typeFunction: () => new () => unknown } | undefined;
};

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** A request class as JSON Schema, from its class-validator rules (what the swagger plugin's shim does at build time). */
function schemaOfClass(target: new () => unknown, depth = 0): Schema {
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, list] of byProperty) {
    const own: Schema = {};
    const item: Schema = {};
    let optional = false;
    for (const rule of list) {
      if (rule.type === 'conditionalValidation') {
        optional = true;
        continue;
      }
      const into = rule.each ? item : own;
      if (rule.each) own.type = 'array';
      if (rule.type === 'nestedValidation') {
        const nested = typeStorage.findTypeMetadata(target, name)?.typeFunction();
        Object.assign(into, nested && depth < 4 ? schemaOfClass(nested, depth + 1) : { type: 'object' });
      } else applyRule(into, rule.name ?? rule.type, rule.constraints ?? []);
    }
    if (own.type === 'array') own.items = { ...own.items, ...item };
    properties[name] = own;
    if (!optional) required.push(name);
  }
  return { type: 'object', properties, required };
}

function applyRule(schema: Schema, rule: string, constraints: unknown[]): void {
  const [first] = constraints;
  switch (rule) {
    case 'isString':
      schema.type ??= 'string';
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isNumber':
    case 'hasAtMostDecimals':
      schema.type = 'number';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'isIn':
      schema.enum = first as unknown[];
      break;
    case 'isUuid':
      Object.assign(schema, { type: 'string', format: 'uuid' });
      break;
    case 'isEmail':
      Object.assign(schema, { type: 'string', format: 'email' });
      break;
    case 'isUrl':
      Object.assign(schema, { type: 'string', format: 'uri' });
      break;
    case 'isCalendarDay':
      Object.assign(schema, { type: 'string', format: 'date' });
      break;
    case 'isIso8601':
    case 'isDateString':
      Object.assign(schema, { type: 'string', format: 'date-time' });
      break;
    case 'matches':
      Object.assign(schema, { type: 'string', pattern: (first as RegExp).source ?? String(first) });
      break;
    case 'minLength':
    case 'isNotBlank':
      Object.assign(schema, { type: 'string', minLength: Math.max(schema.minLength ?? 0, (first as number) ?? 1) });
      break;
    case 'maxLength':
      schema.maxLength = first as number;
      break;
    case 'min':
      schema.minimum = first as number;
      break;
    case 'max':
      schema.maximum = first as number;
      break;
    case 'isArray':
      schema.type = 'array';
      break;
    case 'arrayMinSize':
      Object.assign(schema, { type: 'array', minItems: first });
      break;
    case 'arrayMaxSize':
      Object.assign(schema, { type: 'array', maxItems: first });
      break;
    case 'eachIsObject':
      Object.assign(schema, { type: 'array', items: { type: 'object', ...schema.items } });
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// What is sent: a request drawn by fast-check.

interface FuzzRequest {
  actor: Actor;
  method: string;
  /** Path and query, percent-encoded as sent (malformed encodings included). */
  url: string;
  contentType?: string;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** Real rows of the demo database (and of the setup below), so that part of the runs pass the 404s. */
interface Pools {
  pathParams: Record<string, string[]>;
  /** By request field name: the ids (or codes) it takes. */
  fields: Record<string, string[]>;
  allIds: string[];
}

const NASTY_NUMBERS = [0, -0, -1, 1e-7, 1.5e-7, 1e20, -1e20, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, 0.1, 123.456789, 1.005];
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  'null',
  'NaN',
  '1e-7',
  '1e20',
  '-0',
  '0x1F',
  '2026-02-30',
  '0000-00-00',
  '+275760-09-13',
  '2026-13-01T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'RS-24-MIG-01',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '\u202eevil',
  '\ufeff',
  '𝕏𝕐',
  'a\u0000b',
  'a\ud800b',
  '\udfff',
  '\u0000',
];
const HUGE_STRINGS = ['x'.repeat(10_001), 'é'.repeat(60_000), '9'.repeat(400)];

/** Any character, lone surrogates and NUL included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udc00', '\u0000', 'a', 'é', '😀', '\u202e', ' '), maxLength: 12 }),
);

const nestedArray = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : [nestedArray(depth - 1, inner)]);

/** A value wrong in any way: type, range, text, size, depth. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, {}, [], [null], { '': null }, ...NASTY_NUMBERS),
  fc.constantFrom(...NASTY_STRINGS),
  anyText,
  fc.constantFrom(...HUGE_STRINGS),
  fc.tuple(fc.integer({ min: 2, max: 40 }), fc.constantFrom<unknown>(1, 'x', {}, null)).map(([depth, inner]) => nestedArray(depth, inner)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Percent-encodes like encodeURIComponent, and a lone surrogate as the bytes a careless client would send. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      const c = char.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}

const day = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** A value the schema allows (or nearly: bounds are hit on purpose). */
function plausible(schema: Schema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const pool = pools.fields[name];
  switch (schema.type) {
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 5, (schema.minimum ?? 0) + 5) });
    case 'number':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100),
        fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      return fc.array(plausible(items, name, pools, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    }
    case 'object':
      return depth > 4 ? fc.constant({}) : objectOf(schema, pools, depth + 1);
  }
  if (pool) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.allIds) }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) });
    case 'date':
      return day(-400, 900);
    case 'date-time':
      return day(-400, 900).map((d) => `${d}T17:00:00Z`);
    case 'email':
      return fc.constantFrom('fuzz@demo.test', 'ministry@demo.test', 'FUZZ.Case@Demo.Test');
    case 'uri':
      return fc.constantFrom('https://example.org/', 'https://example.org/a?b=c#d', 'http://localhost/');
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 60;
  return fc.oneof(
    { weight: 8, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(Math.min(max, 40), min, 1) }) },
    { weight: 1, arbitrary: fc.constant('y'.repeat(max)) },
  );
}

/** An object of the schema's fields: the required ones, and each optional one half of the time. */
function objectOf(schema: Schema, pools: Pools, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const value = plausible(field, name, pools, depth).map((v) => [name, v] as const);
    return required.has(name) ? value : fc.oneof(value, fc.constant(undefined));
  });
  return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)));
}

const OMITTED = Symbol('omitted');

/** What a mutation puts in place of a value: something wrong in the ways that once gave 500s, or nothing. */
const replacement: fc.Arbitrary<(original: unknown) => unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyValue.map((bad) => () => bad) },
  { weight: 1, arbitrary: fc.constant((o: unknown) => [o]) },
  { weight: 1, arbitrary: fc.constant((o: unknown) => [[o]]) },
  { weight: 1, arbitrary: fc.constant((o: unknown) => ({ value: o })) },
  {
    weight: 1,
    arbitrary: fc.constant((o: unknown) =>
      typeof o === 'number' ? String(o) : typeof o === 'string' && o !== '' && Number.isFinite(Number(o)) ? Number(o) : o,
    ),
  },
  { weight: 1, arbitrary: fc.constant(() => OMITTED) },
);

/** One change at a random place of a JSON value: `steps` pick a child at each level, down to where `replace` applies. */
interface Mutation {
  steps: number[];
  replace: (original: unknown) => unknown;
  /** A field that should not be there, added at the place instead. */
  extra: string | null;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  replace: replacement,
  extra: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('extra', 'id', 'createdAt', 'role', 'isAdmin', '') }),
});

function mutate(value: unknown, { steps, replace, extra }: Mutation): unknown {
  if (value === null || typeof value !== 'object' || !Object.keys(value).length) return steps.length ? replace(value) : value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  if (extra !== null && !Array.isArray(copy) && steps.length === 1) {
    copy[extra] = replace(undefined);
    return copy;
  }
  const keys = Object.keys(copy);
  const key = keys[steps[0] % keys.length];
  const child = (copy as Record<string, unknown>)[key];
  const changed = steps.length === 1 || child === null || typeof child !== 'object' ? replace(child) : mutate(child, { steps: steps.slice(1), replace, extra });
  if (changed === OMITTED) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else (copy as Record<string, unknown>)[key] = changed;
  return copy;
}

/** A plausible value with no, one or a few mutations: mostly near-valid, so that validation and the domain code are what is tested. */
function mutated<T>(plausibleValue: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      plausibleValue,
      fc.oneof(
        { weight: 4, arbitrary: fc.constant([]) },
        { weight: 5, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
      ),
    )
    .map(([value, mutations]) => mutations.reduce<unknown>((v, m) => mutate(v, m), value));
}

const MALFORMED_JSON = [
  '',
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  'undefined',
  '1e999',
  '\ufeff{}',
  '{}{}',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '{"\\ud800":1}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`,
  'null',
  'true',
  '0',
  '"text"',
  '[]',
];

const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/merge-patch+json',
];

const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

/** A CSV import sheet: the template's header, then rows of plausible and wrong cells. */
const csvSheet = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('Irregular crossings', 'Asylum claims'), anyText),
      fc.oneof(fc.constantFrom('persons', 'cases', '%'), anyText),
      fc.oneof(fc.constantFrom(...TRACK_RECORD_CATEGORIES), anyText),
      fc.oneof(fc.constant(''), anyText),
      fc.oneof(fc.constantFrom('2019', '2020-Q1', '2021-Q4', '1899', '2020-Q5', '99999'), anyText),
      fc.oneof(fc.constantFrom('65', '1e-7', '1e20', '-1', '1,5', '0.001', '1.23456789', 'NaN', '=1+1', '9'.repeat(40)), anyText),
      fc.oneof(fc.constantFrom('Police'), anyText),
      fc.oneof(fc.constant(''), anyText),
    ),
    { maxLength: 6 },
  )
  .map((rows) => [TRACK_RECORD_COLUMNS.join(','), ...rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(','))].join('\r\n'));

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell of an XLSX sheet as its XML, in the forms a reader may trip on: any text, numbers no sheet should hold, dangling references, formulas, dates, broken XML. */
const xlsxCell = fc.oneof(
  fc
    .oneof(fc.constantFrom('Irregular crossings', 'persons', 'asylum', '2019', '2020-Q1', '65', 'Police'), anyText)
    .map((t) => `t="inlineStr"><is><t>${xml(t)}</t></is>`),
  fc.constantFrom('65', '1e-7', '1e308', '1e309', '-0', 'NaN', 'Infinity', '', 'abc', '9'.repeat(400)).map((v) => `><v>${v}</v>`),
  fc.constantFrom('0', '1', '99999', '-1', 'x').map((i) => `t="s"><v>${i}</v>`),
  fc.constantFrom(
    't="b"><v>1</v>',
    't="b"><v>x</v>',
    't="e"><v>#DIV/0!</v>',
    '><f>1/0</f>',
    '><f>SUM(A1:A2)</f><v>3</v>',
    't="str"><f>A1</f><v>x</v>',
    '><v>1</c>',
    '><v><![CDATA[1]]></v>',
  ),
  fc.constantFrom('45000', '-1', '1e20', '2958466', '0.5').map((v) => `s="1"><v>${v}</v>`),
);

/** An XLSX import sheet: the template's header, then rows of those cells (with or without shared strings and a date style). */
const xlsxSheet = fc
  .record({
    rows: fc.array(fc.array(fc.tuple(fc.constantFrom('', 'r="A0" ', 'r="XFD1048577" ', 'r="ZZZZ1" '), xlsxCell), { maxLength: 9 }), { maxLength: 5 }),
    sharedStrings: fc.constantFrom(null, '<sst><si><t>persons</t></si></sst>', '<sst><si><r><t>rich</t></r></si><si/></sst>', '<sst><si>'),
    styles: fc.boolean(),
  })
  .map(({ rows, sharedStrings, styles }) => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const header = `<row r="1">${TRACK_RECORD_COLUMNS.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
    const body = rows.map((cells, i) => `<row r="${i + 2}">${cells.map(([ref, cell]) => `<c ${ref}${cell}</c>`).join('')}</row>`).join('');
    return zipFile([
      deflatedEntry(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      deflatedEntry(
        'xl/workbook.xml',
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      deflatedEntry(
        'xl/_rels/workbook.xml.rels',
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      ...(sharedStrings ? [deflatedEntry('xl/sharedStrings.xml', sharedStrings.replace('<sst>', `<sst xmlns="${MAIN}">`))] : []),
      ...(styles
        ? [
            deflatedEntry(
              'xl/styles.xml',
              `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
            ),
          ]
        : []),
      deflatedEntry(
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${header}${body}</sheetData></worksheet>`,
      ),
    ]);
  });

/** A multipart body: a file of any name, type and bytes, sometimes malformed, extra fields, or two files. */
const multipartBody = fc
  .record({
    boundary: fc.constantFrom('fuzzboundary', 'x'.repeat(70), 'a b', '--'),
    field: fc.oneof({ weight: 6, arbitrary: fc.constant('file') }, { weight: 1, arbitrary: fc.constantFrom('File', 'files', '', 'file"; x="') }),
    fileName: fc.oneof(
      fc.constantFrom(
        'figures.csv',
        'report.pdf',
        'notes.txt',
        'sheet.xlsx',
        'image.png',
        '',
        '.',
        '../../../etc/passwd',
        `${'a'.repeat(300)}.pdf`,
        'a\u0000.pdf',
        'a\ud800.pdf',
        'naïve résumé.pdf',
        'a"b.pdf',
        'a\r\nb.pdf',
      ),
      anyText,
    ),
    fileType: fc.constantFrom(
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/octet-stream',
      'image/png',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '',
    ),
    content: fc.oneof(
      csvSheet.map((text) => Buffer.from(text)),
      xlsxSheet,
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(
        Buffer.from(PDF),
        Buffer.from('PK\u0003\u0004garbage'),
        Buffer.from('\u0089PNG\r\n\u001a\n'),
        Buffer.alloc(0),
        Buffer.from('\ufeffplain text'),
      ),
    ),
    extraFields: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom('title', 'note', 'x', 'file'), anyText), { maxLength: 12 }) },
    ),
    twoFiles: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    truncated: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    header: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('named', 'quoted') }, { weight: 1, arbitrary: fc.constantFrom('missing', 'bare') }),
  })
  .map(({ header, boundary, field, fileName, fileType, content, extraFields, twoFiles, truncated }) => {
    const parts: Buffer[] = [];
    const filePart = () =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n${fileType ? `Content-Type: ${fileType}\r\n` : ''}\r\n`,
        ),
        content,
        Buffer.from('\r\n'),
      ]);
    for (const [name, value] of extraFields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(filePart());
    if (twoFiles) parts.push(filePart());
    if (!truncated) parts.push(Buffer.from(`--${boundary}--\r\n`));
    // Sometimes the Content-Type does not say the boundary (or not in a way a parser can read).
    const contentType: Record<typeof header, string> = {
      named: `multipart/form-data; boundary=${boundary}`,
      quoted: `multipart/form-data; boundary="${boundary}"`,
      missing: 'multipart/form-data',
      bare: 'multipart/form-data; boundary',
    };
    return { contentType: contentType[header], body: new Uint8Array(Buffer.concat(parts)) };
  });

const NASTY_QUERY_VALUES = [
  '1e20',
  '1e-7',
  '-1',
  '0',
  '',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  '99999999999999999999',
  '%00',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%',
  '%ZZ',
  '+',
  'x'.repeat(5000),
  '[]',
  'null',
  'true',
  '%C0%AF',
];
const NASTY_QUERY_EXTRAS = [
  '__proto__=x',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'unknown=1',
  '=1',
  '&&',
  '%',
  'a=%ZZ',
  'toString=1',
  'hasOwnProperty=1',
];

/** The query string: declared parameters present or not, plausible, or wrong: a bad value, repeated, bracketed; sometimes an unknown one. */
function queryOf(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const pairs = Object.entries(op.query).map(([name, schema]) => {
    const key = encode(name);
    const value = plausible(schema, name, pools).map((v) => encode(String(v)));
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 8, arbitrary: value.map((v) => `${key}=${v}`) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...NASTY_QUERY_VALUES), anyText.map(encode)).map((v) => `${key}=${v}`) },
      { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => `${key}=${a}&${key}=${b}`) },
      { weight: 1, arbitrary: fc.constantFrom(`${key}[]=1`, `${key}[a]=1`, `${key}[0][1]=x`, key, `${key}=`) },
    );
  });
  const extra = fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_QUERY_EXTRAS) });
  return fc.tuple(fc.tuple(...pairs), extra).map(([parts, more]) => {
    const all = [...parts, more].filter((p): p is string => p !== undefined);
    return all.length ? `?${all.join('&')}` : '';
  });
}

const NASTY_PATH_PARAMS = [
  '0',
  '-1',
  '1e20',
  '99999999999999999999999',
  'NaN',
  'null',
  'undefined',
  'true',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '%ZZ',
  '%',
  '..',
  '%2e%2e',
  '%2F',
  '%20',
  `${'a'.repeat(5000)}`,
  'RS-24-MIG-01%00',
  '00000000-0000-0000-0000-000000000000',
];

/** A path parameter: a real row's id (or code) for part of the runs, else unknown or malformed. */
function pathParamOf(op: Operation, name: string, pools: Pools): fc.Arbitrary<string> {
  const segments = op.path.split('/');
  const pool = pools.pathParams[`${segments[segments.indexOf(`{${name}}`) - 1]}/${name}`];
  if (!pool?.length) throw new Error(`${op.key}: no real values for the path parameter ${name}: add them to pools() in this file`);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...pool).map(encode) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_PATH_PARAMS) },
    { weight: 1, arbitrary: anyText.filter((t) => t.length > 0).map(encode) },
  );
}

/** The body: JSON of the request schema (mostly), arbitrary or malformed JSON, multipart, other types. */
function bodyOf(op: Operation, pools: Pools): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'body'>> {
  if (op.method === 'GET') return fc.constant({});
  const json = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });
  const schemaBody = op.body ? mutated(objectOf(op.body, pools)) : fc.constant({});
  return fc.oneof(
    { weight: op.body ? 20 : 2, arbitrary: schemaBody.map(json) },
    {
      weight: 1,
      arbitrary: schemaBody.map((value) => ({
        contentType: 'application/json',
        body: `{"__proto__":{"polluted":true},${JSON.stringify(value).slice(1)}`.replace(',}', '}'),
      })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body) => ({ contentType: 'application/json', body })) },
    { weight: op.multipart ? 12 : 1, arbitrary: multipartBody },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...OTHER_CONTENT_TYPES), fc.oneof(fc.string(), fc.constantFrom('a=1&b=2', '<x/>', '{}')))
        .map(([contentType, body]) => ({ contentType, body })),
    },
    { weight: op.body ? 1 : 3, arbitrary: fc.constant({}) },
  );
}

function requestOf(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const permitted = ANONYMOUS_ONLY[op.key] ? [] : ACTORS.filter((a) => !op.roles || ROLES_OF[a].some((r) => op.roles?.includes(r)));
  const actor: fc.Arbitrary<Actor> = permitted.length
    ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom<Actor>(...permitted) }, { weight: 1, arbitrary: fc.constantFrom<Actor>(...ACTORS, 'anonymous') })
    : fc.constant('anonymous');
  const params = fc.tuple(...op.pathParams.map((name) => pathParamOf(op, name, pools)));
  return fc.record({ actor, params, query: queryOf(op, pools), body: bodyOf(op, pools) }).map(({ actor, params, query, body }) => {
    let i = 0;
    const path = op.path.replace(/\{\w+\}/g, () => params[i++]);
    return { actor, method: op.method, url: `${path}${query}`, ...body };
  });
}

function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? JSON.stringify(request.body)
        : `(${request.body.length} bytes) ${JSON.stringify(Buffer.from(request.body).toString('utf8'))}`;
  const shown = body.length > 2000 ? `${body.slice(0, 2000)}… (${body.length} characters)` : body;
  return `${request.method} ${request.url} as ${request.actor}${request.contentType ? `\n  Content-Type: ${request.contentType}` : ''}${shown ? `\n  body: ${shown}` : ''}`;
}

// ---------------------------------------------------------------------------------------------

describe('every operation of the OpenAPI document, fuzzed', () => {
  let api: TestApi;
  let filesDir: string;
  const clients = {} as Record<Actor, ApiClient>;
  const ips = {} as Record<Actor, string>;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'bt-fuzz-files-'));
    // The per-caller limits on costly requests answer 429 before any validation: off, so the fuzz reaches it.
    api = await startTestApi({ FILES_DIR: filesDir, RATE_LIMITS: 'false' });
    let n = 0;
    for (const actor of [...ACTORS, 'anonymous'] as Actor[]) {
      ips[actor] = `10.13.0.${++n}`;
      clients[actor] = api.client({ ip: ips[actor] });
      if (actor === 'anonymous') await clients[actor].get('/api/health');
      else expect((await clients[actor].signIn(`${actor}@demo.test`)).status).toBe(200);
    }
    // Admins and the Commission set up two-step sign-in, so that a fuzzed identity setting that requires it does not shut them out.
    for (const actor of ['admin', 'commission'] as const) {
      const { secret } = (await clients[actor].post('/api/auth/second-factor/enrolment')).body;
      expect((await clients[actor].post('/api/auth/second-factor/enrolment/confirmation', { code: await generate({ secret }) })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await api?.close();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  /**
   * Rows the demo lacks: a mission with a meeting and a recommendation, an evidence file, a user and
   * an organisation to administer, and a second session of some fuzzing users (theirs to end).
   */
  async function createRows(): Promise<{ victimUser: string; victimOrganisation: string }> {
    for (const actor of ['coordinator', 'ministry', 'cso', 'expert'] as const)
      expect((await api.client({ ip: ips[actor] }).signIn(`${actor}@demo.test`)).status).toBe(200);
    const { admin, commission, ministry } = clients;
    const [expert] = await api.sql<{ id: string }>(`SELECT id FROM app_user WHERE email = 'expert@demo.test'`);
    const mission = await commission.post('/api/missions', {
      title: 'Fuzzed mission',
      benchmarks: ['RS-24-MIG-01', 'RS-24-MIG-02'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [expert.id],
    });
    expect(mission.status).toBe(201);
    expect((await commission.post(`/api/missions/${mission.body.id}/meetings`, { meetsOn: '2026-03-03', institution: 'Border Police' })).status).toBe(201);
    expect(
      (
        await commission.post(`/api/missions/${mission.body.id}/recommendations`, {
          benchmark: 'RS-24-MIG-02',
          text: 'Train',
          owner: 'Police',
          dueDate: '2026-12-31',
        })
      ).status,
    ).toBe(201);
    const evidence = await ministry.post('/api/benchmarks/RS-24-MIG-01/evidence', { title: 'Fuzzed evidence', visibility: 'shared' });
    expect(evidence.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'evidence.pdf');
    expect(
      (
        await fetch(`${api.baseUrl}/api/evidence/${evidence.body.id}/files`, {
          method: 'POST',
          body: form,
          headers: { ...ministry.browserHeaders('POST'), 'x-forwarded-for': ips.ministry },
        })
      ).status,
    ).toBe(201);
    const organisation = await admin.post('/api/admin/organisations', { name: 'Fuzzed organisation', kind: 'commission' });
    expect(organisation.status).toBe(201);
    const user = await admin.post('/api/admin/users', { email: 'fuzzed@demo.test', displayName: 'Fuzzed', organisationId: organisation.body.id, roles: [] });
    expect(user.status).toBe(201);
    return { victimUser: user.body.user?.id ?? user.body.id, victimOrganisation: organisation.body.id };
  }

  async function pools(victims: { victimUser: string; victimOrganisation: string }): Promise<Pools> {
    const ownSessions = ACTORS.map((actor) => hashToken(clients[actor].cookies.get(SESSION_COOKIE) as string));
    const ids = async (table: string) => (await api.sql<{ id: string }>(`SELECT id::text AS id FROM ${table}`)).map((r) => r.id);
    const benchmarks = await api.sql<{ id: string; code: string }>(`SELECT id::text AS id, code FROM benchmark WHERE code LIKE 'RS-24-%' OR code LIKE 'AL-%'`);
    const codes = benchmarks.map((b) => b.code);
    const tables = [
      'evidence',
      'stored_file',
      'consultation_question',
      'track_record_series',
      'action_activity',
      'corrective_measure',
      'proposal',
      'mission',
      'mission_meeting',
      'mission_recommendation',
      'organisation',
      'consultation',
      'sub_requirement',
      'consultation_topic',
    ];
    const found: string[][] = [];
    for (const table of tables) found.push(await ids(table));
    const [
      evidence,
      files,
      questions,
      series,
      activities,
      measures,
      proposals,
      missions,
      meetings,
      recommendations,
      organisations,
      consultations,
      subRequirements,
      topics,
    ] = found;
    const experts = (await api.sql<{ id: string }>(`SELECT user_id::text AS id FROM role_assignment WHERE role = 'expert'`)).map((r) => r.id);
    const allIds = [
      ...evidence,
      ...files,
      ...questions,
      ...series,
      ...activities,
      ...proposals,
      ...missions,
      ...organisations,
      ...consultations,
      ...subRequirements,
      victims.victimUser,
    ];
    return {
      pathParams: {
        'benchmarks/id': [...codes, ...benchmarks.map((b) => b.id).slice(0, 5), 'rs-24-mig-01'],
        'findings/benchmark': ['RS-24-MIG-01', 'RS-24-MIG-02', 'RS-24-ASY-01'],
        'consultations/id': consultations,
        'replies/questionId': questions,
        'summaries/questionId': questions,
        'files/fileId': files,
        'users/id': [victims.victimUser],
        'organisations/id': [victims.victimOrganisation],
        'track-records/seriesId': series,
        'values/period': ['2019', '2020', '2021-Q1', '2020-Q4', '1899', '2020-Q5', '2030'],
        'activities/id': activities,
        'corrective-measures/id': measures,
        'evidence/id': evidence,
        'proposals/id': proposals,
        'missions/id': missions,
        'meetings/meetingId': meetings,
        'recommendations/id': recommendations,
        'projects/id': await ids('assistance_project'),
        // Notifications whose e-mail an admin may retry (none failed here: a known one is a 409, an unknown one a 404).
        'mail/id': [...(await ids('notification')).slice(0, 5), '1', '999999999'],
        // Not the fuzzing clients' own sessions: ending those would stop the fuzzing.
        'sessions/id': (await api.sql<{ id: string }>(`SELECT s.id::text AS id FROM user_session s WHERE s.token_hash <> ALL($1)`, [ownSessions])).map(
          (r) => r.id,
        ),
      },
      fields: {
        organisationId: organisations,
        citedOrganisationIds: organisations,
        recipientIds: organisations,
        oidcSelfProvisioningOrganisationId: organisations,
        expertIds: experts,
        evidenceId: evidence,
        evidenceIds: evidence,
        subRequirementId: subRequirements,
        subRequirementIds: subRequirements,
        activityId: activities,
        parentId: proposals,
        id: [...topics, ...questions],
        benchmark: codes,
        benchmarks: codes,
      },
      allIds,
    };
  }

  /**
   * A hash of the compared tables' rows, by table: of every table at first, then after each request
   * of the tables written since, which statement triggers on every compared table record (in the
   * writing transaction, so a rolled-back write leaves no record, as it leaves no row). A table no
   * statement wrote cannot have changed: its hash is the one before. After each operation the whole
   * database is hashed again and must equal the kept hashes, so a write the triggers missed would fail.
   */
  async function fingerprinter() {
    const tables = (
      await api.sql<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    )
      .map((t) => t.name)
      .filter((name) => !UNCOMPARED_TABLES.includes(name));
    const source = (name: string) =>
      name === 'audit_event' ? `(SELECT * FROM audit_event WHERE action NOT IN (${AUDITED_REFUSALS.map((a) => `'${a}'`).join(', ')})) t` : `"${name}" t`;
    // Per table, the row count and the sum of the rows' hashes: order-free, and far cheaper than hashing the sorted rows.
    const query = (names: string[]) =>
      names
        .map(
          (name) =>
            `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) AS hash FROM ${source(name)}`,
        )
        .join(' UNION ALL ');
    const hashes = async (names: string[]) => new Map((await api.sql<{ name: string; hash: string }>(query(names))).map((r) => [r.name, r.hash]));
    await api.sql(`CREATE UNLOGGED TABLE fuzz_written (name text NOT NULL)`);
    await api.sql(`CREATE FUNCTION fuzz_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz_written VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const name of tables)
      await api.sql(`CREATE TRIGGER fuzz_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_written()`);
    const all = async () => {
      await api.sql(`DELETE FROM fuzz_written`);
      return hashes(tables);
    };
    const since = async (before: Map<string, string>) => {
      const written = [...new Set((await api.sql<{ name: string }>(`DELETE FROM fuzz_written RETURNING name`)).map((r) => r.name))];
      return written.length ? new Map([...before, ...(await hashes(written))]) : before;
    };
    /** The tables whose rows differ from the kept hashes though no statement was seen writing them (none, unless a write escaped the triggers). */
    const unseen = async (kept: Map<string, string>) => {
      const now = await hashes(tables);
      // Read after the hashes: a write committed meanwhile is either in both or pending here (and checked with the next request).
      const pending = new Set((await api.sql<{ name: string }>(`SELECT name FROM fuzz_written`)).map((r) => r.name));
      return [...now].filter(([name, hash]) => !pending.has(name) && kept.get(name) !== hash).map(([name]) => name);
    };
    return { all, since, unseen };
  }

  async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { ...clients[request.actor].browserHeaders(request.method), 'x-forwarded-for': ips[request.actor] };
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    try {
      const response = await fetch(`${api.baseUrl}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      // The live stream has no end: its status is the answer.
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
        await response.body?.cancel();
        return { status: response.status, text: '' };
      }
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return { status: 0, text: `no answer within ${ANSWER_WITHIN_MS / 1000} s` };
      throw error;
    }
  }

  /** The codes the exception filter gives a refusal that came without one, by its status (its English text as `details`). */
  const GENERAL_CODES = [
    'request.invalid',
    'request.refused',
    'request.not-found',
    'request.too-large',
    'request.timeout',
    'auth.forbidden',
    'server.unavailable',
  ];

  /** The `code` of an error body, or undefined when it is not JSON or has none. */
  function refusalCode(text: string): unknown {
    try {
      return (JSON.parse(text) as { code?: unknown } | null)?.code;
    } catch {
      return undefined;
    }
  }

  it('answers no 5xx, refuses with a code of REFUSALS, and changes nothing unless it accepts the request', async () => {
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as OpenApi;
    const all = operations(document, handlers(api));
    expect(all.length).toBeGreaterThan(80);
    const chosen = all.filter((op) => !ONLY || op.key === ONLY);
    expect(chosen.length).toBeGreaterThan(0);
    const data = await pools(await createRows());
    const fingerprint = await fingerprinter();

    // Nothing else writes to this database: the state after one request is the state before the next.
    let last = await fingerprint.all();
    const failures: string[] = [];
    const tally: string[] = [];
    const codes = new Map<string, number>();
    let requests = 0;
    const started = Date.now();
    for (const op of chosen) {
      const statuses = new Map<number, number>();
      const details = await fc.check(
        fc.asyncProperty(requestOf(op, data), async (request) => {
          const before = last;
          const { status, text } = await send(request);
          last = await fingerprint.since(before);
          requests++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500 || status === 0) throw new Error(`answered ${status}: ${text.slice(0, 300)}\n  ${describeRequest(request)}`);
          // Every refusal carries a code of REFUSALS, which the web app words in the reader's language.
          if (status >= 400) {
            const code = refusalCode(text);
            if (typeof code !== 'string' || !(code in REFUSALS))
              throw new Error(`answered ${status} without a code of REFUSALS: ${text.slice(0, 300)}\n  ${describeRequest(request)}`);
            if (GENERAL_CODES.includes(code))
              throw new Error(`answered ${status} with the general code ${code}, not one of its own: ${text.slice(0, 300)}\n  ${describeRequest(request)}`);
            codes.set(code, (codes.get(code) ?? 0) + 1);
          }
          if (status < 200 || status >= 300 || request.method === 'GET') {
            const changed = [...last].filter(([name, hash]) => before.get(name) !== hash).map(([name]) => name);
            if (changed.length) throw new Error(`answered ${status} but changed ${changed.join(', ')}: ${text.slice(0, 300)}\n  ${describeRequest(request)}`);
          }
        }),
        { seed: SEED, numRuns: runsOf(op), endOnFailure: true, ...(PATH && ONLY ? { path: PATH } : {}) },
      );
      const unseen = await fingerprint.unseen(last);
      if (unseen.length) failures.push(`${op.key}: ${unseen.join(', ')} changed, and no statement was seen writing them`);
      if (details.failed) {
        failures.push(
          `${op.key}: ${(details.errorInstance as Error | null)?.message}\n  replay: FUZZ_SEED=${details.seed} FUZZ_ONLY='${op.key}' FUZZ_PATH=${details.counterexamplePath}`,
        );
      }
      tally.push(
        `${op.key}${ANONYMOUS_ONLY[op.key] ? ` (anonymous only: ${ANONYMOUS_ONLY[op.key]})` : ''}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
      );
    }
    const tallied = failures.length || process.env['FUZZ_TALLY'] ? `\n${tally.join('\n')}` : '';
    console.log(
      `${requests} requests over ${chosen.length} operations in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED}, ${RUNS} runs per state-changing operation, ${runsOf({ method: 'GET' })} per GET)${tallied}`,
    );
    if (process.env['FUZZ_TALLY'])
      console.log(
        `refusal codes: ${[...codes]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, n]) => `${code}×${n}`)
          .join(' ')}`,
      );

    // The fuzzing users are still signed in: the requests reached validation, not a sign-in wall.
    for (const actor of ACTORS) expect((await clients[actor].get('/api/auth/me')).status).toBe(200);
    expect(failures).toEqual([]);
    // Bounded by FUZZ_RUNS: this timeout only guards against a machine far slower than the 2-core one it was measured on.
  }, 600_000);
});
