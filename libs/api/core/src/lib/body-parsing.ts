import type { FastifyInstance } from 'fastify';
import type { RefusalArgs, RefusalCode } from '@bt/contracts';

/** No request of this API nests more than a few levels; a deeper body is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

/**
 * The API reads JSON bodies only (and multipart, which the upload routes register): no form-encoded
 * or plain-text bodies, which a page on another site can send without the browser asking first.
 * JSON is bounded in depth as well as in size (the server's bodyLimit), so a body nested thousands
 * of levels deep is a 400 with a message instead of a stack overflow in validation; and its texts
 * must be well-formed (no lone surrogate, no NUL), which the database could not store (400, not 500).
 * Call before anything registers other parsers, with Nest's own body parser off (`bodyParser: false`).
 */
export function configureBodyParsing(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = raw as string; // parseAs: 'string'
    const depth = jsonDepth(body, MAX_JSON_DEPTH);
    if (depth > MAX_JSON_DEPTH) {
      done(refused(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, 'request.json-too-deep', { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(request, body, (error, value) => {
      const bad = error ? null : illFormedText(value);
      if (bad !== null) {
        done(
          bad
            ? refused(`${bad} is not well-formed text.`, 'request.ill-formed-text', { field: bad })
            : refused('The body is not well-formed text.', 'request.ill-formed-body'),
          undefined,
        );
        return;
      }
      done(error, value);
    });
  });
  // RFC 8058's one-click unsubscribe is a form POST (`List-Unsubscribe=One-Click`) from a mail client:
  // accepted on that route alone (its signed token is in the address) and not read; elsewhere a 415 as before.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, _raw, done) => {
    if (request.url.split('?')[0] === ONE_CLICK_UNSUBSCRIBE_PATH) done(null, {});
    else done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
  });
}

/** The one route that takes a form body (RFC 8058). */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/api/notifications/unsubscribe';

/** A 400 for Fastify, with the code and parameters the exception filter answers it with (and words in English from REFUSALS). */
function refused<C extends RefusalCode>(message: string, code: C, ...params: RefusalArgs<C>): Error {
  return Object.assign(new Error(message), { statusCode: 400, reason: { code, params: params[0] ?? {} } });
}

// A UTF-16 surrogate without its pair, or NUL: neither can be stored as text (PostgreSQL refuses both).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const ILL_FORMED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/;

/** The path of the first string (or key) in `value` that is not well-formed text, '' for the body itself, or null. */
export function illFormedText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (ILL_FORMED.test(key)) return at;
    const bad = illFormedText(item, at);
    if (bad !== null) return bad;
  }
  return null;
}

/** How deep arrays and objects nest in a JSON text (brackets inside strings do not count); stops counting past `stopAbove`. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
