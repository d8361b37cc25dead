// A tiny escaping XML writer for the PMML exports: elements, attributes and text, nothing else.
// Numbers are written as String(x), the shortest text that parses back to the same double, so an
// evaluator reading the file computes with exactly the constants the workbench uses.

export type XmlAttribute = string | number | boolean | null | undefined;

export interface XmlElement {
  name: string;
  attributes: Array<[string, XmlAttribute]>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | { text: string };

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** An element; attributes whose value is null or undefined are left out (PMML's optional attributes). */
export function el(name: string, attributes: Record<string, XmlAttribute> = {}, children: Array<XmlNode | null | undefined | false> = []): XmlElement {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  for (const key of Object.keys(attributes)) if (!NAME.test(key)) throw new Error(`not an XML attribute name: ${key}`);
  return { name, attributes: Object.entries(attributes), children: children.filter((c): c is XmlNode => !!c) };
}

export function text(value: string | number): { text: string } {
  return { text: typeof value === 'number' ? num(value) : value };
}

/** A finite double as its shortest round-trip text; NaN and infinities have no place in PMML numbers. */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write the non-finite number ${x} to XML`);
  return Object.is(x, -0) ? '0' : String(x);
}

// Characters XML 1.0 does not allow at all (not even escaped).
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function escapeText(s: string): string {
  if (FORBIDDEN.test(s)) throw new Error('text contains characters XML cannot hold');
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  // Tabs and line breaks are escaped too: attribute normalisation would turn them into spaces.
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributeText(value: Exclude<XmlAttribute, null | undefined>): string {
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

function write(node: XmlNode, indent: string, out: string[]): void {
  if ('text' in node) {
    out.push(indent + escapeText(node.text));
    return;
  }
  const attributes = node.attributes
    .filter((a): a is [string, Exclude<XmlAttribute, null | undefined>] => a[1] !== null && a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(attributeText(v))}"`)
    .join('');
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attributes}/>`);
    return;
  }
  // An element holding only text keeps it on its line: whitespace around an Array's numbers is harmless, around a name it is not.
  if (node.children.every((c) => 'text' in c)) {
    out.push(`${indent}<${node.name}${attributes}>${node.children.map((c) => escapeText((c as { text: string }).text)).join('')}</${node.name}>`);
    return;
  }
  out.push(`${indent}<${node.name}${attributes}>`);
  for (const child of node.children) write(child, indent + '  ', out);
  out.push(`${indent}</${node.name}>`);
}

/** The document: an XML declaration, then the root element, indented by two spaces. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return out.join('\n') + '\n';
}
