import fc from 'fast-check';

/**
 * Request generators for the fuzz test (issue 7), driven by the OpenAPI document: a body of the right shape is
 * generated from each operation's schema, then one mutation makes it wrong (a wrong type, a missing field, extra
 * fields, a huge or hostile string, an odd number, a bad id, deep nesting), and sometimes the headers lie (content
 * type, charset, encoding, malformed JSON, a bad token). Everything is drawn by fast-check from one seed, so a case
 * is reproduced by its seed and index; big payloads are built only when a case is sent.
 */

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface WriteOperation {
  method: string;
  /** Express pattern, as the router lists it: /api/users/:id */
  path: string;
  pathParams: string[];
  headerParams: string[];
  body: { contentType: string; schema: Schema } | null;
}

/** Every POST, PUT, PATCH and DELETE of the document. */
export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  const ops: WriteOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        headerParams: (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name),
        body: contentType ? { contentType, schema: content[contentType].schema } : null,
      });
    }
  }
  return ops;
}

/** Follows `$ref` and merges `allOf`. */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf) {
    const merged: Schema = { ...schema, allOf: undefined };
    for (const part of schema.allOf) Object.assign(merged, resolve(doc, part));
    return merged;
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(3) --',
  '" OR ""="',
  "\\'; DELETE FROM audit_log; --",
  "%' AND 1=1 --",
  '$1',
  "E'\\\\x00'",
  "x' UNION SELECT password_hash FROM users --",
  ')); COMMIT; --',
];

export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}',
  '<svg/onload=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '../../../../etc/passwd',
];

export const UNICODE_PAYLOADS = [
  '\u0000',
  'before\u0000after',
  '\u202Eevil.pdf\u202C',
  '😀👨‍👩‍👧‍👦🇨🇦',
  '\uD800',
  'lone \uDC00 low',
  'e\u0301\u0301\u0301',
  '\uFEFFbom',
  'zero\u200Bwidth',
  'مرحبا بالعالم',
  '多语言测试',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\r\n\t\u000b\u000c',
  '\u0007\u001b[31mred',
  ' ',
  '',
  'Ω≈ç√∫˜µ≤≥÷',
];

/** Numbers that are valid JSON but odd, and numbers spelled as strings. */
export const ODD_NUMBERS: unknown[] = [
  1e308,
  -1e308,
  2 ** 63,
  -(2 ** 63),
  2 ** 53 + 2,
  4294967296,
  -0,
  -1,
  0.5,
  1.0000001,
  5e-324,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e5',
  ' 42 ',
  '0x10',
  '',
  true,
];

export const BAD_IDS = [
  'not-a-uuid',
  '0',
  '-1',
  'null',
  'undefined',
  "' OR 1=1 --",
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%00',
  '%E0%A4%A',
  '%',
  'a'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '3f6c1f0e8a574a4e9d551d2b8a7f9a10',
  '{3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10}',
  '3F6C1F0E-8A57-4A4E-9D55-1D2B8A7F9A1Z',
  '3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10%20',
  '%F0%9F%98%80',
  '1e308',
];

const WRONG_TYPES: unknown[] = [42, -1, 1.5, true, false, null, 'text', [], {}, [1, 'a', null], { nested: { x: 1 } }, '[]', '{}'];

const EXTRA_FIELDS = [
  '{"__proto__":{"isAdmin":true,"roles":["admin"]}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"id":"00000000-0000-0000-0000-000000000001","createdAt":"1970-01-01T00:00:00Z","version":-5}',
  '{"roles":["admin"],"institutionId":"00000000-0000-0000-0000-000000000002","isActive":false}',
  '{"$where":"1==1","a.b":1,"":"empty key","status":"awarded","submittedVersion":99}',
  '{"passwordHash":"x","password_hash":"x","amountCents":100000000000}',
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----fuzz',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=ebcdic',
  'application/jsonx',
  'application/vnd.api+json',
  'text/html; charset=utf-7',
  '*/*',
];

export const BAD_AUTHORIZATION = [
  'Bearer',
  'Bearer ',
  'Bearer not.a.jwt',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.',
  'Basic YWRtaW5AZXhhbXBsZS5vcmc6ZGVtbzEyMzQ=',
  'bearer lowercase-scheme',
  'Bearer a b c',
  `Bearer ${'A'.repeat(8000)}`,
  'Token xyz',
  'Bearer \u00ff\u00fe',
];

// ---------------------------------------------------------------------------------------------------------------
// Generation

export interface Pools {
  /** Real ids of every kind (each is the id of some record). */
  anyId: string[];
}

/** A value of the schema's shape (what a well-behaved client would send), with ids from the database. */
export function validValue(doc: OpenApiDocument, schema: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = s.type ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.anyId) }, fc.uuid());
      if (s.format === 'date-time')
        return fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) }).map((ms) => new Date(ms).toISOString());
      if (s.format === 'date')
        return fc
          .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) })
          .map((ms) => new Date(ms).toISOString().slice(0, 10));
      if (s.format === 'email') return fc.emailAddress();
      return fc.oneof(
        { weight: 5, arbitrary: fc.string({ minLength: Math.min(s.minLength ?? 1, 3), maxLength: 40 }) },
        { weight: 1, arbitrary: fc.constantFrom(...SQL_PAYLOADS, ...HTML_PAYLOADS) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      );
    case 'number':
    case 'integer':
      return fc.integer({
        min: Math.ceil(s.minimum ?? 0),
        max: Math.max(Math.ceil(s.minimum ?? 0), Math.floor(Math.min(s.maximum ?? 100_000, 100_000_000))),
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 || !s.items ? fc.constant([]) : fc.array(validValue(doc, s.items, pools, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(doc, v, pools, depth + 1)])),
        { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
      );
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        const extra = fc.dictionary(
          fc.string({ minLength: 1, maxLength: 20 }),
          validValue(doc, s.additionalProperties, pools, depth + 1),
          {
            maxKeys: 3,
          },
        );
        return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }));
      }
      return record;
    }
    default:
      return fc.constant(null);
  }
}

/** What one case does to the well-shaped body. `pick` chooses where (modulo the number of places). */
export type Mutation =
  | { kind: 'none' }
  | { kind: 'wrongType'; pick: number; value: unknown }
  | { kind: 'dropField'; pick: number }
  | { kind: 'extraFields'; pick: number; json: string }
  | { kind: 'hugeString'; pick: number; size: number; unit: string }
  | { kind: 'hostileString'; pick: number; value: string }
  | { kind: 'oddNumber'; pick: number; value: unknown }
  | { kind: 'badId'; pick: number; value: string }
  | { kind: 'deepNesting'; pick: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'manyKeys'; pick: number; count: number }
  | { kind: 'longArray'; pick: number; length: number }
  | { kind: 'topLevel'; json: string };

export function mutationArb(pools: Pools): fc.Arbitrary<Mutation> {
  const pick = fc.nat({ max: 1_000_000 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('wrongType' as const), pick, value: fc.constantFrom(...WRONG_TYPES) }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('dropField' as const), pick }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('extraFields' as const), pick, json: fc.constantFrom(...EXTRA_FIELDS) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('hugeString' as const),
        pick,
        size: fc.constantFrom(1_000, 20_000, 90_000, 1_100_000),
        unit: fc.constantFrom('A', 'é', '😀', '<', "'", '\\', '\u0000'),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('hostileString' as const),
        pick,
        value: fc.oneof(
          fc.constantFrom(...UNICODE_PAYLOADS, ...SQL_PAYLOADS, ...HTML_PAYLOADS),
          fc.string({ unit: 'binary', maxLength: 30 }),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('oddNumber' as const), pick, value: fc.constantFrom(...ODD_NUMBERS) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('badId' as const),
        pick,
        value: fc.oneof(fc.constantFrom(...BAD_IDS.map(decodeSafely)), fc.constantFrom(...pools.anyId)),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('deepNesting' as const),
        pick,
        depth: fc.constantFrom(64, 2_000, 20_000),
        shape: fc.constantFrom('array' as const, 'object' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('manyKeys' as const), pick, count: fc.constantFrom(500, 5_000) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('longArray' as const), pick, length: fc.constantFrom(1_000, 20_000) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('topLevel' as const),
        json: fc.constantFrom('[]', '[{}]', '"text"', '42', 'null', 'true', '{}', '[[[]]]', '{"":{}}'),
      }),
    },
  );
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What one case does to the request itself. */
export type HeaderMutation =
  | { kind: 'none' }
  | { kind: 'contentType'; value: string }
  | {
      kind: 'malformedJson';
      how: 'truncate' | 'trailingComma' | 'singleQuotes' | 'garbage' | 'controlChar' | 'nan';
      pick: number;
    }
  | { kind: 'badBytes'; how: 'invalidUtf8' | 'utf16le' | 'latin1' }
  | { kind: 'encoding'; value: string }
  | { kind: 'hugeHeader'; size: number }
  | { kind: 'manyHeaders'; count: number }
  | { kind: 'authorization'; value: string }
  | { kind: 'oddHeaders' };

export function headerMutationArb(): fc.Arbitrary<HeaderMutation> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('contentType' as const), value: fc.constantFrom(...CONTENT_TYPES) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('malformedJson' as const),
        how: fc.constantFrom(
          'truncate' as const,
          'trailingComma' as const,
          'singleQuotes' as const,
          'garbage' as const,
          'controlChar' as const,
          'nan' as const,
        ),
        pick: fc.nat({ max: 1_000_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('badBytes' as const),
        how: fc.constantFrom('invalidUtf8' as const, 'utf16le' as const, 'latin1' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('encoding' as const),
        value: fc.constantFrom('gzip', 'deflate', 'br', 'x-fuzz', 'gzip, gzip'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('hugeHeader' as const), size: fc.constantFrom(4_000, 12_000) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('manyHeaders' as const), count: fc.constantFrom(50, 90) }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('authorization' as const), value: fc.constantFrom(...BAD_AUTHORIZATION) }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'oddHeaders' as const }) },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Applying a mutation

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Place = { parent: Json[] | Record<string, Json>; key: string | number };

/** Every place in the value where something can be replaced (all members and items, at any depth). */
function places(value: unknown, out: Place[] = []): Place[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value as Json[], key: i });
      places(v, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value as Record<string, Json>, key: k });
      places(v, out);
    }
  }
  return out;
}

function objects(value: unknown, out: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(value)) value.forEach((v) => objects(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, Json>);
    Object.values(value).forEach((v) => objects(v, out));
  }
  return out;
}

const HOLE = '\u0001FUZZ-HOLE\u0001';

/** The JSON text of the mutated body (text, because some mutations cannot be expressed as a JS value). */
export function mutatedJson(valid: unknown, m: Mutation): string {
  const value = structuredClone(valid) as Json;
  if (m.kind === 'topLevel') return m.json;
  const spots = places(value);
  const at = (pick: number) => (spots.length ? spots[pick % spots.length] : null);
  const set = (p: Place | null, v: unknown): Json => {
    if (!p) return v as Json; // an empty body: the value replaces it
    (p.parent as Record<string | number, unknown>)[p.key] = v;
    return value;
  };
  const holed = (p: Place | null, text: string): string => JSON.stringify(set(p, HOLE)).replace(JSON.stringify(HOLE), text);
  switch (m.kind) {
    case 'none':
      return JSON.stringify(value ?? {});
    case 'wrongType':
      return JSON.stringify(set(at(m.pick), m.value) ?? {});
    case 'dropField': {
      const p = at(m.pick);
      if (!p) return '{}';
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
      else delete p.parent[p.key as string];
      return JSON.stringify(value);
    }
    case 'extraFields': {
      const objs = objects(value);
      const target = objs.length ? objs[m.pick % objs.length] : null;
      const extra = m.json.slice(1, -1);
      if (!target) return m.json;
      return holedObject(value, target, extra);
    }
    case 'hugeString':
      return JSON.stringify(set(at(m.pick), m.unit.repeat(Math.ceil(m.size / m.unit.length))) ?? {});
    case 'hostileString':
    case 'oddNumber':
    case 'badId':
      return JSON.stringify(set(at(m.pick), m.value) ?? {});
    case 'deepNesting': {
      const deep =
        m.shape === 'array' ? '['.repeat(m.depth) + ']'.repeat(m.depth) : '{"a":'.repeat(m.depth) + '1' + '}'.repeat(m.depth);
      return holed(at(m.pick), deep);
    }
    case 'manyKeys':
      return JSON.stringify(set(at(m.pick), Object.fromEntries(Array.from({ length: m.count }, (_, i) => [`k${i}`, i]))) ?? {});
    case 'longArray':
      return JSON.stringify(
        set(
          at(m.pick),
          Array.from({ length: m.length }, (_, i) => (i % 2 ? 'x' : i)),
        ) ?? {},
      );
  }
}

/** Adds raw members (e.g. a `__proto__` key, which a JS object literal cannot carry) to one object of the value. */
function holedObject(root: Json, target: Record<string, Json>, members: string): string {
  target[HOLE] = null;
  const text = JSON.stringify(root);
  const marker = `${JSON.stringify(HOLE)}:null`;
  return text.replace(marker, members);
}

/** The bytes and headers of the request for a header mutation, from the body's JSON text. */
export function wire(
  json: string | null,
  h: HeaderMutation,
): { body: string | Buffer | null; headers: Record<string, string>; badAuth: boolean } {
  const headers: Record<string, string> = {};
  let body: string | Buffer | null = json;
  if (json !== null) headers['Content-Type'] = 'application/json';
  switch (h.kind) {
    case 'none':
      break;
    case 'contentType':
      headers['Content-Type'] = h.value;
      body = json ?? '{}';
      break;
    case 'malformedJson': {
      const text = json ?? '{"a":1}';
      const cut = text.length > 1 ? 1 + (h.pick % (text.length - 1)) : 1;
      body =
        h.how === 'truncate'
          ? text.slice(0, cut)
          : h.how === 'trailingComma'
            ? text.replace(/}$/, ',}')
            : h.how === 'singleQuotes'
              ? text.replace(/"/g, "'")
              : h.how === 'garbage'
                ? `${text}}]garbage`
                : h.how === 'controlChar'
                  ? '{"title":"a\u0001\nb"}'
                  : '{"n":NaN,"m":Infinity}';
      headers['Content-Type'] = 'application/json';
      break;
    }
    case 'badBytes': {
      const text = json ?? '{"title":"é"}';
      body =
        h.how === 'invalidUtf8'
          ? Buffer.concat([
              Buffer.from(text.slice(0, -1)),
              Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]),
              Buffer.from('"x"}'),
            ])
          : h.how === 'utf16le'
            ? Buffer.from(text, 'utf16le')
            : Buffer.from(text, 'latin1');
      headers['Content-Type'] = 'application/json; charset=utf-8';
      break;
    }
    case 'encoding':
      headers['Content-Encoding'] = h.value;
      body = json ?? '{}';
      headers['Content-Type'] = 'application/json';
      break;
    case 'hugeHeader':
      headers['X-Fuzz'] = 'a'.repeat(h.size);
      break;
    case 'manyHeaders':
      for (let i = 0; i < h.count; i++) headers[`X-Fuzz-${i}`] = String(i).repeat(20);
      break;
    case 'authorization':
      headers.Authorization = h.value;
      break;
    case 'oddHeaders':
      headers['X-Request-Id'] = '../../etc/passwd\u00ff';
      headers['Accept'] = 'application/xml;q=garbage';
      headers['Accept-Language'] = 'xx-XX;q=2, *;q=-1, ' + 'z'.repeat(500);
      headers['Idempotency-Key'] = 'k'.repeat(3000);
      headers['If-None-Match'] = '"' + 'e'.repeat(200);
      headers['X-Forwarded-For'] = "1.2.3.4, ' OR 1=1 --";
      break;
  }
  return { body, headers, badAuth: h.kind === 'authorization' };
}
