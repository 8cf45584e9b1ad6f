/**
 * Errors of `@hyperld/hydra` (one class of core's error family, a `code` from a documented map),
 * and the Hydra error / RFC 7807 problem body that servers send and clients read.
 *
 * @module
 */
import { HYDRA, HyperldError, termsOfNode, type ErrorCode, type JsonValue, type NodeOf, type Violation } from '@hyperld/core';
import { isHydraTerm, readHydra } from './terms.js';
import { HYDRA_ERROR_CONTEXT } from './contexts/hydra-error-context.js';
import { hydraRegistry, VIOLATIONS_IRI, type HydraErrorType } from './vocabulary.js';

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
 * Every error code raised by `@hyperld/hydra`, with what it means.
 *
 * @example
 * ```ts
 * import { HydraErrorCodes } from '@hyperld/hydra';
 * console.log(HydraErrorCodes.page_loop);
 * ```
 */
export const HydraErrorCodes = {
  page_loop: 'A page links (as `next`) to a page already visited.',
  page_failed: 'Fetching or decoding a page failed; `url` names the page.',
  too_many_pages: 'Paging reached its cap (`maxPages`, default 1000) with a further page still linked: a server that keeps minting new `next` URLs is not paged forever.',
  no_page_link: 'Paging was asked to start from `first` or `last`, and the view does not link that page.',
  no_template:
    'The collection has no `hydra:search` IriTemplate to expand (for `page`: none with a `hydra:pageIndex` mapping, in the collection, its search or its view).',
  aborted: 'The operation was aborted through its AbortSignal.',
  action_unavailable: 'The action exists but is unavailable now (its link is null).',
  action_not_offered: 'The node does not offer the action (its property is absent).',
  unknown_action: 'The node type declares no such action.',
  no_registry:
    'A reader needs the registry of a node that carries none (a node embedded in a decoded document, or one not decoded): pass `{ registry }`, or read through `hydraReader(registry)` or `client.actions(node)`.',
  invalid_template: 'An IRI template is malformed.',
  missing_variable: 'A required IRI template variable has no value.',
  http_error: 'The server answered with an error status (an `HttpError`), or a handler answers with one (an `HttpProblem`).',
  unauthorized: 'The server answered 401: credentials are missing or wrong.',
  unsafe_link: 'A link or action URL uses a scheme other than http(s), or leaves the trusted origin when refused.',
  credentials_in_url: 'A base URL, link, redirect or action URL carries `user:password@` credentials; it is refused before any request (pass credentials with `token` or `headers`).',
  network_error: 'The request failed before an answer arrived (or timed out).',
  decode_failed: 'The answer is not a valid document of the expected type.',
  invalid_utf8: 'A request body is not valid UTF-8: the server answers 400 listing this code, rather than reading U+FFFD for the bad bytes.',
  unknown_context:
    'A context URL is neither built in, registered nor trusted by the client\'s `contexts` policy (the message names the URL and the policy); no request is made for it.',
  context_failed:
    'Loading a trusted remote context failed (an error status, the network, its size or time limit, or more documents at once than `contextLimits.maxDocuments`); `url` names the context.',
  invalid_context:
    'A trusted remote context is not a context document (a JSON object with an `@context` member of URLs, objects or null), includes itself, or nests deeper than `contextLimits.maxDepth`; `url` names it.',
  invalid_option: 'A client option is invalid, such as an origin of `contexts` that is not an http(s) origin.',
} as const;

/**
 * A code from {@link HydraErrorCodes}.
 *
 * @example
 * ```ts
 * import { HydraErrorCodes, type HydraErrorCode } from '@hyperld/hydra';
 * const code: HydraErrorCode = 'action_unavailable';
 * console.log(HydraErrorCodes[code]); // 'The action exists but is unavailable now (its link is null).'
 * ```
 */
export type HydraErrorCode = keyof typeof HydraErrorCodes;

/**
 * The error class of `@hyperld/hydra`: a {@link HyperldError} whose codes are
 * {@link HydraErrorCodes}, with the URL concerned. `HydraError.is` (and `HyperldError.is`)
 * recognise it, and its subclasses (`HttpError`, `HttpProblem`), across duplicate installs.
 *
 * @example
 * ```ts
 * import { HyperldError } from '@hyperld/core';
 * import { HydraError } from '@hyperld/hydra';
 * const error = new HydraError('page_loop', 'Page /c?cursor=2 was already visited.', { url: '/c?cursor=2' });
 * console.log(HydraError.is(error), HyperldError.is(error)); // true true
 * ```
 */
export class HydraError extends HyperldError<HydraErrorCode> {
  static override readonly errorName: string = 'HydraError';
  /** The URL concerned, when there is one (the failing page, the refused link). */
  readonly url: string | undefined;

  /**
   * @param code - what went wrong.
   * @param message - a sentence for people.
   * @param options - the URL concerned and the underlying cause.
   */
  constructor(code: HydraErrorCode, message: string, options?: { url?: string; cause?: unknown }) {
    super(code, message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.url = options?.url;
  }
}

/**
 * Tells whether a value is a {@link HydraError} (or a subclass), also across duplicate installs;
 * the same as `HydraError.is(value)`.
 *
 * @param value - anything caught.
 * @returns whether it is a hydra error.
 * @example
 * ```ts
 * import { isHydraError } from '@hyperld/hydra';
 * isHydraError(new Error('x')); // false
 * ```
 */
export function isHydraError(value: unknown): value is HydraError {
  return HydraError.is(value);
}

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
  const terms = termsOfNode(body, (url, base) => hydraRegistry.context(url, base));
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
