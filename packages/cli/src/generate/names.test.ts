/**
 * Names in generated modules: identifiers that are valid and never clash, literals the formatter
 * keeps as they are.
 */
import { describe, expect, it } from 'vitest';
import { Identifiers, localName, namespaceOf, propertyKey, quote, toIdentifier } from './names.js';

describe('names', () => {
  it('takes the local name after the last # or /', () => {
    expect(localName('https://schema.org/Book')).toBe('Book');
    expect(localName('http://api.example/docs.jsonld#Entrypoint/book')).toBe('book');
    expect(localName('http://api.example/vocab/')).toBe('vocab');
    expect(namespaceOf('http://api.example/vocab#Book')).toBe('http://api.example/vocab#');
  });

  it('escapes what an identifier cannot hold, a leading digit and reserved words', () => {
    expect(toIdentifier('Book-Review')).toBe('Book_Review');
    expect(toIdentifier('2fa')).toBe('_2fa');
    expect(toIdentifier('')).toBe('_');
    expect(toIdentifier('class')).toBe('class_');
    expect(toIdentifier('Object')).toBe('Object_');
    expect(toIdentifier('Bücher')).toBe('B_cher');
  });

  it('hands out each identifier once, numbering the later ones in the order asked', () => {
    const ids = new Identifiers(['registry']);
    expect(['Book', 'Book', 'registry', 'Book_2', 'Book'].map((n) => ids.take(n))).toEqual(['Book', 'Book_2', 'registry_2', 'Book_2_2', 'Book_3']);
  });

  it('quotes as the formatter does: single quotes unless the string holds more of them than double ones', () => {
    expect(quote('Book')).toBe("'Book'");
    expect(quote("it's")).toBe('"it\'s"');
    expect(quote('say "it\'s"')).toBe('\'say "it\\\'s"\'');
    expect(quote('a\\b\nc\u2028')).toBe("'a\\\\b\\nc\\u2028'");
    expect(propertyKey('title')).toBe('title');
    expect(propertyKey('hydra:member')).toBe("'hydra:member'");
  });
});
