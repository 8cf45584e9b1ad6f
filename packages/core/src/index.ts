/**
 * `@hyperld/core`: typed, validated, lossless JSON-LD nodes. Define types, register them, decode
 * documents into the typed objects they already are, encode them back byte for byte.
 *
 * @example
 * ```ts
 * import { createRegistry, defineType, t } from '@hyperld/core';
 * const Account = defineType({ type: 'Account', context: '/contexts/Account.jsonld', vocab: 'https://example.com/vocab#', properties: { name: t.string() } });
 * const registry = createRegistry({ types: [Account] });
 * const account = registry.decodeAs(Account, '{"@type":"Account","id":"/accounts/1","name":"Example"}');
 * console.log(account.name);
 * ```
 *
 * @module
 */

// Model: kinds, definitions, vocabularies (model/)
export { defineType, extendsType } from './model/define.js';
export type { AnyTypeDef, DefinedType, DefType, KnownNodeOf, Merge, NodeOf, Properties, PropertiesOf, TypeDef, TypeOptions } from './model/define.js';
export { Kind, rangeOf, t } from './model/kinds.js';
export type { AnyKind, EmbeddedDefsOf, JsonType, KindSpec, KindTag, TypeNames, ValueOf } from './model/kinds.js';
export { vocabulary } from './model/vocabulary.js';
export type { Vocabulary, VocabularyTypeOptions } from './model/vocabulary.js';

// IRIs: namespaces, terms, references (iri/)
export { HYDRA, STANDARD_PREFIXES, XSD } from './iri/namespaces.js';
export { compileTerms, expandTerm, findProperty, termsOfNode } from './iri/terms.js';
export type { Terms } from './iri/terms.js';
export { isIriReference, resolveIri } from './iri/reference.js';

// Codec: registry, decode and encode, metadata (codec/)
export { createRegistry, isRegistry } from './codec/registry.js';
export { idOf } from './codec/id.js';
export { typesOf } from './codec/types-of.js';
export type { AnyNodeOf, DefNamed, RegisteredDefs, Registry, RegistryOptions } from './codec/registry.js';
export type { DecodeOptions } from './codec/decode.js';
export type { EncodeOptions } from './codec/encode.js';
export { DEFAULT_LIMITS, MAX_DEPTH_CAP } from './codec/limits.js';
export type { Limits } from './codec/limits.js';
export { setCodegen } from './codec/codegen.js';
export { baseOf, metaOf, setMeta } from './codec/meta.js';
export type { NodeMeta } from './codec/meta.js';

// Context documents (context/)
export { checkContextDocument, contextDocument } from './context/document.js';
export type { ContextDocument } from './context/document.js';

// Expansion: the expander is `@hyperld/core/expand` (an entry of its own, so that a bundle that
// does not expand does not carry it); what resolves a context URL is shared with the decoder.
export type { ContextResolver } from './expand/expander.js';

// Errors
export { DecodeError, ErrorCodes, formatViolation, HyperldError, isDecodeError, isHyperldError } from './errors.js';
export type { ErrorCode, HyperldErrorDetails, HyperldErrorOptions, Violation } from './errors.js';

// Shared types
export type { ContextValue, GenericNode, JsonObject, JsonPrimitive, JsonValue, Link, LinkTarget, Simplify, UnknownProperties } from './types.js';
