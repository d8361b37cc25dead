// Reading PMML documents in tests the way a PMML scorer would: a real XML parser (@xmldom/xmldom)
// and element-by-element checks against the structure the PMML 4.4 specification gives.
import { expect } from 'vitest';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export function parse(xml: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  expect(problems).toEqual([]);
  return doc;
}

export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (!root) throw new Error('the document has no root element');
  return root;
}

export const children = (e: Element, name?: string): Element[] =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).localName === name));
export const only = (e: Element, name: string): Element => {
  const found = children(e, name);
  expect(found, `exactly one ${name} in ${e.localName}`).toHaveLength(1);
  return found[0]!;
};
export const numberAttr = (e: Element, name: string): number => {
  expect(e.hasAttribute(name), `${e.localName}@${name}`).toBe(true);
  const value = Number(e.getAttribute(name));
  expect(Number.isFinite(value), `${e.localName}@${name} = ${e.getAttribute(name)}`).toBe(true);
  return value;
};

/** Child names in document order must match the pattern of the content model (a regular expression over "Name," tokens). */
export function expectSequence(e: Element, pattern: RegExp): void {
  const names = children(e).map((c) => `${c.localName},`).join('');
  expect(names, `children of ${e.localName}`).toMatch(pattern);
}
