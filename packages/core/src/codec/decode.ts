/**
 * Decoding: a document (JSON text, or a parsed value) through the size limit and `JSON.parse`,
 * then the generated validator and, when it is not sure, the walker, into the node it already is,
 * with its metadata.
 *
 * @module
 */
import { DecodeError, describe, type Violation } from '../errors.js';
import type { AnyTypeDef } from '../model/define.js';
import type { FastValidator } from './codegen.js';
import type { ActiveContext } from './active-context.js';
import { DEFAULT_LIMITS, depthLimit, type Limits } from './limits.js';
import { setMeta } from './meta.js';
import type { Registry } from './registry.js';
import { Enough, Run, type Compiler, type ValidateSettings } from './walker.js';

/**
 * Options of {@link Registry.decode}.
 *
 * @example
 * ```ts
 * import type { DecodeOptions } from '@hyperld/core';
 * const options: DecodeOptions = { base: 'https://api.example.com/contacts/1/conversations', strict: true };
 * ```
 */
export interface DecodeOptions extends Limits {
  /** The IRI the document came from; relative links resolve against it. */
  readonly base?: string;
  /** Reject a `@type` that is not registered (instead of decoding a {@link GenericNode}). */
  readonly strict?: boolean;
  /** `error` (default): a `@context` URL that is not registered is a violation; `ignore`: decode by `@type` alone. */
  readonly unknownContext?: 'error' | 'ignore';
  /** `keep` (default): undeclared properties are kept as data; `error`: they are violations. */
  readonly unknownProperties?: 'keep' | 'error';
  /**
   * A context URL that applies to a root that has no `@context` of its own: what a
   * `Link: <…>; rel="http://www.w3.org/ns/json-ld#context"` header says of a plain JSON answer.
   * It must be registered (or `unknownContext: 'ignore'`), like a `@context` in the document.
   */
  readonly context?: string;
}

/** What a validation run found: violations, the list items met (members), visited nodes. */
type Outcome = Pick<Run, 'violations' | 'members' | 'visited'>;

/** The settings of one validation run, from decode options. @internal */
export function settingsOf(options: DecodeOptions | undefined): ValidateSettings {
  return {
    strict: options?.strict ?? false,
    unknownProperties: options?.unknownProperties ?? 'keep',
    unknownContext: options?.unknownContext ?? 'error',
    maxDepth: depthLimit(options?.maxDepth),
    maxListLength: options?.maxListLength ?? DEFAULT_LIMITS.maxListLength,
    maxViolations: options?.maxViolations ?? DEFAULT_LIMITS.maxViolations,
    base: options?.base,
  };
}

/**
 * Parses JSON text within `maxSize`, or passes a parsed value through.
 *
 * @param input - JSON text, or a parsed value.
 * @param options - the size limit.
 * @returns the parsed value.
 * @throws DecodeError `max_size` or `invalid_json`.
 * @internal
 */
export function parse(input: unknown, options: DecodeOptions | undefined): unknown {
  if (typeof input !== 'string') return input;
  const maxSize = options?.maxSize ?? DEFAULT_LIMITS.maxSize;
  if (input.length > maxSize) {
    throw new DecodeError([{ code: 'max_size', path: '$', expected: `at most ${maxSize} characters (maxSize)`, found: `${input.length} characters` }]);
  }
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DecodeError([{ code: 'invalid_json', path: '$', expected: 'JSON text', found: reason }], { cause: error });
  }
}

/** Decodes and validates for one registry: the generated validator first, the walker when it is not sure. @internal */
export class Decoder {
  /**
   * @param compiler - the walker's compiler.
   * @param fast - the generated validators, unless code generation is off.
   */
  constructor(
    private readonly compiler: Compiler,
    private readonly fast: FastValidator | undefined,
  ) {}

  /**
   * Validates a value. `parsed` says it came from this registry's own JSON.parse: plain data
   * only (no getters, no non-enumerable or `undefined` properties, no cycles), which is what the
   * generated validators are written for. They answer "valid" for most documents at a fraction
   * of the walker's cost; anything else (an error, an odd shape) is walked for its violations.
   */
  run(value: unknown, options: DecodeOptions | undefined, accepted: readonly AnyTypeDef[] | undefined, mode: 'parsed' | 'value' | 'visit'): Outcome {
    const settings = settingsOf(options);
    const start = this.start(value, options, settings);
    if (this.fast && mode === 'parsed' && start !== undefined) {
      const members: object[] = [];
      if (this.fast.root(value, settings, accepted, members, start)) return { violations: [], members, visited: undefined };
    }
    const r = new Run(settings, this.compiler);
    if (mode === 'visit') r.visited = [];
    try {
      if (start === undefined) {
        const url = options?.context as string;
        r.report('unknown_context', undefined, 'a registered context URL as DecodeOptions.context (contexts are never fetched)', describe(url));
      }
      this.compiler.node(value, undefined, r, accepted, start ?? this.compiler.types.layers.empty);
    } catch (error) {
      if (!(error instanceof Enough)) throw error;
    }
    return r;
  }

  /**
   * The active context a root starts in: `DecodeOptions.context` when the root has no `@context`,
   * else none; `undefined` when that URL is not registered and unknown contexts are errors.
   */
  private start(value: unknown, options: DecodeOptions | undefined, settings: ValidateSettings): ActiveContext | undefined {
    const layers = this.compiler.types.layers;
    const url = options?.context;
    if (url === undefined || typeof value !== 'object' || value === null || Object.hasOwn(value, '@context')) return layers.empty;
    if (!this.compiler.types.hasContext(url, settings.base)) return settings.unknownContext === 'ignore' ? layers.empty : undefined;
    return layers.layer(layers.empty, url, settings.base);
  }

  /** Decodes a document (as `Registry.decode`, or `decodeAs` with `accepted`), recording its metadata. */
  decode(input: unknown, options: DecodeOptions | undefined, accepted: readonly AnyTypeDef[] | undefined, registry: Registry): never {
    const value = parse(input, options);
    const r = this.run(value, options, accepted, typeof input === 'string' ? 'parsed' : 'value');
    if (r.violations.length > 0) throw new DecodeError(r.violations);
    const meta = { base: options?.base, registry };
    // The root and the items of lists (collection members, what a client iterates over): a
    // WeakMap entry for every embedded node would cost more than JSON.parse itself, and even the
    // stamp on every embedded node (about 8 a member on a TextUs-shaped page, of some 8 shapes,
    // so the private-field store goes megamorphic) cost 1.1-2 ms on a 1000-member page, 12-18%
    // of JSON.parse, against 0.05-0.13 ms for the members. Readers of a deeper embedded node pass
    // `base` and `registry` explicitly.
    if (typeof value === 'object' && value !== null) setMeta(value, meta);
    for (const node of r.members) setMeta(node, meta);
    return value as never;
  }

  /** Every violation of a value (`Registry.validate`). */
  validate(value: unknown, options: DecodeOptions | undefined): Violation[] {
    return this.run(value, options, undefined, 'value').violations;
  }

  /** Every node of a document as the walker sees it (`Registry.nodes`). */
  nodes(input: unknown, options: DecodeOptions | undefined): Array<{ readonly path: string; readonly node: Record<string, unknown> }> {
    const r = this.run(parse(input, options), options, undefined, 'visit');
    if (r.violations.length > 0) throw new DecodeError(r.violations);
    return r.visited ?? [];
  }
}
