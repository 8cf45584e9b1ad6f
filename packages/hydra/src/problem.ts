/**
 * The Hydra error / RFC 7807 problem body that servers send (`errorBody`) and clients read
 * (`readProblem`, and `readViolations` for the violation lists of real servers).
 *
 * @module
 */
import { HYDRA, termsOfNode, type ErrorCode, type JsonValue, type NodeOf, type Violation } from '@hyperld/core';
import { HYDRA_ERROR_CONTEXT } from './contexts/hydra-error-context.js';
import type { HydraErrorCode } from './errors.js';
import { isHydraTerm, readHydra } from './terms.js';
import { publishedHydraContext } from './contexts/published.js';
import type { HydraErrorType } from './vocabulary.js';
import { VIOLATIONS_IRI } from './vocabulary/hydra.js';

/**
 * The `@context` of the error bodies {@link errorBody} builds: Hydra's error context (the RFC 7807
 * members as RDF: `title` → `rdfs:label`, `detail` → `rdfs:comment`, `status` →
 * `hydra:statusCode`, `type` → `rdf:type`), then, inline, the Hydra terms it does not define
 * (`description`, `statusCode`) and hyperld's `violations` (one JSON literal), so that every key of
 * the body means the same to any JSON-LD processor as to hyperld, with no context of hyperld's
 * own to fetch.
 *
 * @example
 * ```ts
 * import { ERROR_BODY_CONTEXT, errorBody } from '@hyperld/hydra';
 * errorBody({ status: 404, title: 'Not Found' })['@context'] === ERROR_BODY_CONTEXT; // true
 * ```
 */
export const ERROR_BODY_CONTEXT = [
  HYDRA_ERROR_CONTEXT,
  { description: 'hydra:description', statusCode: 'hydra:statusCode', violations: { '@id': VIOLATIONS_IRI, '@type': '@json' } },
] as const;

/**
 * A problem, read from a Hydra error or an RFC 7807 `application/problem+json` body.
 *
 * @example
 * ```ts
 * import type { Problem } from '@hyperld/hydra';
 * const p: Problem = { status: 404, title: 'Not Found', violations: [] };
 * ```
 */
export interface Problem {
  /** The HTTP status. */
  readonly status?: number;
  /** A short summary. */
  readonly title?: string;
  /** What happened in this occurrence. */
  readonly detail?: string;
  /** A URI reference identifying the problem type. */
  readonly type?: string;
  /** A URI reference identifying this occurrence. */
  readonly instance?: string;
  /** What made the request invalid, each with its JSON path. */
  readonly violations: readonly Violation[];
}

/** A violation as a server sent it: `path` and `code` are needed, `expected`/`found` default to `''`. */
function violationOf(value: unknown): Violation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['path'] !== 'string' || typeof v['code'] !== 'string') return undefined;
  return {
    // A code this version does not know is kept as sent: the server may be newer.
    code: v['code'] as Violation['code'],
    path: v['path'],
    expected: typeof v['expected'] === 'string' ? v['expected'] : '',
    found: typeof v['found'] === 'string' ? v['found'] : '',
  };
}

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

/**
 * A member of an error body by the IRI its own `@context` gives it, when that context resolves
 * (Hydra's error context, `http://www.w3.org/ns/hydra/error`, and Hydra's are built in; an
 * inline context is read as it is): under the error context `title` is `rdfs:label`, so a body
 * compacted by another processor may say `rdfs:label` or the full IRI, and `hydra:title` is
 * another property. A body whose context does not resolve (API Platform's `/contexts/Error`) has
 * no answer here and is read by the spellings.
 */
function byContext(body: Record<string, unknown>, iris: readonly string[]): unknown {
  const terms = termsOfNode(body, publishedHydraContext);
  if (terms === undefined) return undefined;
  for (const iri of iris) {
    for (const key of terms.keysOf(iri)) if (Object.hasOwn(body, key)) return body[key];
  }
  return undefined;
}

/**
 * Reads a problem from an error body: a `hydra:Error` (any prefix, under Hydra's context or its
 * error context), an API Platform `ConstraintViolationList` / `ConstraintViolation`, or an
 * RFC 7807 problem. Its members are read by the IRI the body's own `@context` gives them when it
 * resolves (`title` is `rdfs:label` under the error context), then by their usual keys.
 *
 * @param body - a parsed JSON body.
 * @returns the problem, or `undefined` when the body is neither.
 * @example
 * ```ts
 * import { readProblem } from '@hyperld/hydra';
 * readProblem({ '@type': 'hydra:Error', title: 'Not Found', status: 404 })?.status; // 404
 * readProblem({ '@context': 'http://www.w3.org/ns/hydra/error', '@type': 'hydra:Error', 'rdfs:label': 'Gone' })?.title; // 'Gone'
 * ```
 */
export function readProblem(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const types = Array.isArray(b['@type']) ? (b['@type'] as unknown[]) : [b['@type']];
  const isHydra = types.some((type) => isHydraTerm(type, 'Error'));
  // A Hydra term may also be written `hydra:title` or as its full IRI (a body with no context of
  // its own); the RFC 7807 members are plain keys.
  const own = (k: string): unknown => (Object.hasOwn(b, k) ? b[k] : undefined);
  const hydraTerm = (k: string): unknown => readHydra(b, k, { context: 'hydra' });
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  const status = num(byContext(b, [`${HYDRA}statusCode`])) ?? num(own('status')) ?? num(hydraTerm('statusCode'));
  const title = str(byContext(b, [`${RDFS}label`, `${HYDRA}title`])) ?? str(hydraTerm('title'));
  const detail = str(byContext(b, [`${RDFS}comment`, `${HYDRA}description`])) ?? str(own('detail')) ?? str(hydraTerm('description'));
  const isProblem = title !== undefined || status !== undefined || detail !== undefined;
  if (!isHydra && !isProblem) return undefined;
  const problemType = str(own('type'));
  const instance = str(own('instance')) ?? str(byContext(b, [`${RDFS}seeAlso`]));
  const listed = own('violations') ?? own(VIOLATIONS_IRI);
  const violations: Violation[] = [];
  if (Array.isArray(listed)) {
    for (const item of listed) {
      const violation = violationOf(item);
      if (violation) violations.push(violation);
    }
  }
  return {
    ...(status !== undefined ? { status } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(detail !== undefined ? { detail } : {}),
    ...(problemType !== undefined ? { type: problemType } : {}),
    ...(instance !== undefined ? { instance } : {}),
    violations,
  };
}

/**
 * A violation of a request as servers list them in error bodies: the property concerned (a path
 * such as `author.name`, `$.body`, or `''` for the whole resource), what is wrong with it, and the
 * server's code for the constraint, when it gives one.
 *
 * @example
 * ```ts
 * import type { PropertyViolation } from '@hyperld/hydra';
 * const v: PropertyViolation = { propertyPath: 'title', message: 'This value should not be blank.', code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' };
 * ```
 */
export interface PropertyViolation {
  /** The property concerned: a path as the server writes it; `''` for the resource as a whole. */
  readonly propertyPath: string;
  /** What is wrong, for people. */
  readonly message: string;
  /** The server's code for the constraint (API Platform: a Symfony constraint UUID; hyperld: a violation code). */
  readonly code?: string;
}

/** One listed violation in any of the shapes servers write, or `undefined`. */
function propertyViolationOf(value: unknown): PropertyViolation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const str = (key: string): string | undefined => (Object.hasOwn(v, key) && typeof v[key] === 'string' ? (v[key] as string) : undefined);
  const code = str('code');
  const withCode = (propertyPath: string, message: string): PropertyViolation => ({ propertyPath, message, ...(code !== undefined ? { code } : {}) });
  // API Platform (Symfony's constraint violations): propertyPath, message, code.
  const propertyPath = str('propertyPath');
  const message = str('message');
  if (propertyPath !== undefined && message !== undefined) return withCode(propertyPath, message);
  // hyperld's own: path, code, expected, found (and a message, when one was written).
  const path = str('path');
  if (path !== undefined && code !== undefined) {
    const expected = str('expected');
    const found = str('found');
    const described = expected !== undefined || found !== undefined ? `expected ${expected ?? '?'}, found ${found ?? '?'}` : code;
    return withCode(path, message ?? described);
  }
  // RFC 7807's example extension (`invalid-params`): name, reason.
  const name = str('name');
  const reason = str('reason');
  if (name !== undefined && reason !== undefined) return withCode(name, reason);
  if (message !== undefined) return withCode(path ?? '', message);
  return undefined;
}

/**
 * Reads the violations an error body lists, in whichever shape its server writes them: API
 * Platform's `violations: [{ propertyPath, message, code }]` (3.x `ConstraintViolationList`,
 * 4.x `ConstraintViolation`, and its `application/problem+json`), hyperld's
 * `violations: [{ path, code, expected, found }]`, or RFC 7807's `invalid-params: [{ name, reason }]`.
 *
 * @param body - a parsed JSON body.
 * @returns the violations, in order; empty when the body lists none.
 * @example
 * ```ts
 * import { readViolations } from '@hyperld/hydra';
 * readViolations({ '@type': 'ConstraintViolationList', violations: [{ propertyPath: 'title', message: 'This value should not be blank.' }] });
 * // [{ propertyPath: 'title', message: 'This value should not be blank.' }]
 * ```
 */
export function readViolations(body: unknown): PropertyViolation[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const b = body as Record<string, unknown>;
  const own = (k: string): unknown => (Object.hasOwn(b, k) ? b[k] : undefined);
  const listed = own('violations') ?? own('hydra:violations') ?? own(VIOLATIONS_IRI) ?? own('invalid-params');
  const items = Array.isArray(listed) ? listed : listed !== undefined && listed !== null ? [listed] : [];
  const out: PropertyViolation[] = [];
  for (const item of items) {
    const violation = propertyViolationOf(item);
    if (violation) out.push(violation);
  }
  return out;
}

/**
 * A violation as an error body lists it: one of core's, or one whose code is of this package
 * (`invalid_utf8`, for bytes that never became text to decode).
 *
 * @example
 * ```ts
 * import type { ListedViolation } from '@hyperld/hydra';
 * const v: ListedViolation = { code: 'invalid_utf8', path: '$', expected: 'UTF-8 text', found: 'a byte sequence that is not UTF-8' };
 * ```
 */
export type ListedViolation = Omit<Violation, 'code'> & { readonly code: ErrorCode | HydraErrorCode };

/**
 * Builds the error body a server sends: a `hydra:Error` that is also an RFC 7807 problem.
 * Never include stack traces or internal details in `detail`. Its `@context` is Hydra's error context
 * (`http://www.w3.org/ns/hydra/error`) with the Hydra terms and `violations` added inline.
 *
 * @param problem - status, title, detail and violations.
 * @returns the error node.
 * @example
 * ```ts
 * import { errorBody } from '@hyperld/hydra';
 * errorBody({ status: 404, title: 'Not Found', detail: 'No conversation /conversations/x.' });
 * ```
 */
export function errorBody(problem: {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly violations?: readonly ListedViolation[];
}): NodeOf<typeof HydraErrorType> {
  const body: NodeOf<typeof HydraErrorType> = {
    '@type': 'hydra:Error',
    '@context': ERROR_BODY_CONTEXT,
    type: problem.type ?? 'about:blank',
    title: problem.title,
    status: problem.status,
    statusCode: problem.status,
    ...(problem.detail !== undefined ? { detail: problem.detail, description: problem.detail } : {}),
    ...(problem.violations !== undefined ? { violations: problem.violations.map((v) => ({ ...v }) as unknown as JsonValue) } : {}),
  };
  return body;
}
