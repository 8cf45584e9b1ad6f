/**
 * Names for pages and display: file-safe slugs that never collide, and IRIs written short.
 *
 * @module
 */

/**
 * A file name for a term: `hydra:Collection` becomes `hydra-Collection` (a colon would make a
 * relative link read as a URL scheme).
 *
 * @param name - any name.
 * @returns letters, digits, `_` and `-` only (`_` when nothing is left).
 * @example
 * ```ts
 * import { slugOf } from '@hyperld/apidocs';
 * slugOf('hydra:PartialCollectionView'); // 'hydra-PartialCollectionView'
 * ```
 */
export function slugOf(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]/g, '-');
  return slug === '' ? '_' : slug;
}

/**
 * Gives each key a distinct slug: the first key (in the given order) of each slug keeps it, later
 * ones get `-2`, `-3`… (case-insensitively, so that pages never clash on a case-insensitive disk).
 *
 * @param entries - key and wanted name, in a stable order.
 * @returns the slug of each key.
 * @example
 * ```ts
 * import { uniqueSlugs } from '@hyperld/apidocs';
 * uniqueSlugs([['http://a/Book', 'Book'], ['http://b/Book', 'Book']]).get('http://b/Book'); // 'Book-2'
 * ```
 */
export function uniqueSlugs(entries: Iterable<readonly [key: string, name: string]>): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const [key, name] of entries) {
    if (out.has(key)) continue;
    const base = slugOf(name);
    let slug = base;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    taken.add(slug.toLowerCase());
    out.set(key, slug);
  }
  return out;
}

/** Prefixes IRIs are written with when no class of the reference has them. */
export const DISPLAY_PREFIXES: Readonly<Record<string, string>> = {
  hydra: 'http://www.w3.org/ns/hydra/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  schema: 'http://schema.org/',
};

/**
 * An IRI as a page writes it: `xsd:string` for a well-known namespace, else unchanged.
 *
 * @param iri - an absolute IRI (or a term).
 * @returns the compact form.
 * @example
 * ```ts
 * import { shortIri } from '@hyperld/apidocs';
 * shortIri('http://www.w3.org/2001/XMLSchema#dateTime'); // 'xsd:dateTime'
 * ```
 */
export function shortIri(iri: string): string {
  for (const [prefix, namespace] of Object.entries(DISPLAY_PREFIXES)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

/**
 * The last segment of an IRI: after `#`, else after the last `/`.
 *
 * @param iri - an IRI.
 * @returns its local name, or the IRI when it has none.
 * @example
 * ```ts
 * import { localName } from '@hyperld/apidocs';
 * localName('http://schema.org/Book'); // 'Book'
 * ```
 */
export function localName(iri: string): string {
  const hash = iri.lastIndexOf('#');
  const cut = hash >= 0 ? hash : iri.replace(/\/+$/, '').lastIndexOf('/');
  const name = cut >= 0 ? iri.slice(cut + 1).replace(/\/+$/, '') : iri;
  return name === '' ? iri : name;
}
