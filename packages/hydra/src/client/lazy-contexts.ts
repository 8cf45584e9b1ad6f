/**
 * The client's side of the context store, loaded on first need: an answer whose contexts the
 * registry knows decodes with no store at all, so the store's code (fetching, HTTP freshness,
 * flattening, the built-in Hydra documents) reaches a browser page only when an answer names a
 * context the registry lacks, a plain JSON answer links one, or the document loader is asked.
 *
 * @module
 */
import type { AnyTypeDef, DecodeError, Registry } from '@hyperld/core';
import type { Trust } from './context-policy.js';
import type { ContextDocumentLoader, ContextLimits, ContextStore, Wanted } from './context-store.js';
import type { Budget } from './deadline.js';
import { mayLinkContext } from './link-header.js';
import type { RetryPolicy } from './retry.js';
import type { Transport } from './transport.js';

/**
 * A {@link ContextStore} created by `await import()` the first time one is needed. Until then its
 * registry is the client's own, which is what the store's would be with nothing kept.
 */
export class LazyContexts<D extends AnyTypeDef> {
  readonly #base: Registry<D>;
  readonly #trust: Trust;
  readonly #transport: Transport;
  readonly #retry: RetryPolicy;
  readonly #limits: ContextLimits;
  #store: ContextStore<D> | undefined;
  #loading: Promise<ContextStore<D>> | undefined;

  /** The arguments of the {@link ContextStore} it creates. */
  constructor(base: Registry<D>, trust: Trust, transport: Transport, retry: RetryPolicy, limits: ContextLimits) {
    this.#base = base;
    this.#trust = trust;
    this.#transport = transport;
    this.#retry = retry;
    this.#limits = limits;
  }

  /** The store's registry once there is a store, else the client's. */
  get registry(): Registry<D> {
    return this.#store?.registry ?? this.#base;
  }

  /** Whether the policy trusts no origin. */
  get trustsNone(): boolean {
    return this.#trust.origins.size === 0;
  }

  /** The policy, as error messages name it. */
  get policy(): string {
    return this.#trust.described;
  }

  /** Whether the current registry has the document of an absolute context URL. */
  has(url: string): boolean {
    return this.registry.context(url) !== undefined;
  }

  /** The store, created on the first call (one import and one store, shared by concurrent callers). */
  store(): Promise<ContextStore<D>> {
    if (this.#store !== undefined) return Promise.resolve(this.#store);
    this.#loading ??= import('./context-store.js').then(
      ({ ContextStore }) => {
        this.#store = new ContextStore(this.#base, this.#trust, this.#transport, this.#retry, this.#limits);
        return this.#store;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** {@link ContextStore.wanted}, once there is a store. */
  async wanted(error: DecodeError, text: string, documentUrl: string): Promise<Wanted | undefined> {
    if (!error.violations.some((v) => v.code === 'unknown_context')) return undefined;
    return (await this.store()).wanted(error, text, documentUrl);
  }

  /** {@link ContextStore.load}. */
  async load(urls: readonly string[], call: Budget | undefined): Promise<Registry<D>> {
    return (await this.store()).load(urls, call);
  }

  /** {@link ContextStore.contextsFor}. */
  async contextsFor(value: unknown, documentUrl: string, call: Budget | undefined): Promise<Registry<D>> {
    return (await this.store()).contextsFor(value, documentUrl, call);
  }

  /** {@link ContextStore.revalidate}: nothing to revalidate before there is a store (nothing is kept). */
  revalidate(node: object, documentUrl: string, call: Budget | undefined, loaded: Set<string>): Promise<Registry<D> | undefined> {
    return this.#store === undefined ? Promise.resolve(undefined) : this.#store.revalidate(node, documentUrl, call, loaded);
  }

  /**
   * {@link ContextStore.linkedContext}: only a plain JSON answer with a `Link` header can name
   * one, so no other answer needs the store.
   */
  async linkedContext(response: Response, url: string): Promise<string | undefined> {
    return mayLinkContext(response) ? (await this.store()).linkedContext(response, url) : undefined;
  }

  /** {@link ContextStore.loader}: the store is created by the loader's first call. */
  loader(signal: AbortSignal | undefined): ContextDocumentLoader {
    return async (url) => (await this.store()).loader(signal)(url);
  }
}
