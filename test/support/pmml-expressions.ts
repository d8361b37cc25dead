// A small PMML expression evaluator for the export tests: the PMML scorers' reading of Constant,
// FieldRef, Discretize, Apply (arithmetic, min/max, comparisons, if, isMissing) and the predicates a
// Scorecard's Attributes use. It shares no code with the exporters or the app's scoring, so a test
// that re-scores customers with it checks the file, not the code that wrote it.
import type { Element } from '@xmldom/xmldom';
import { children, only } from './pmml-xml.ts';

/** A field value; null is PMML's missing. */
export type Value = number | string | boolean | null;
export type Env = Map<string, Value>;

export const asNumber = (v: Value): number => {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${String(v)}`);
  return v;
};

// PMML built-in functions over present arguments (a missing argument makes the result missing, see compileApply).
export const OPERATIONS: Record<string, (args: Value[]) => Value> = {
  '+': ([a, b]) => asNumber(a!) + asNumber(b!),
  '-': ([a, b]) => asNumber(a!) - asNumber(b!),
  '*': ([a, b]) => asNumber(a!) * asNumber(b!),
  '/': ([a, b]) => (asNumber(b!) === 0 ? null : asNumber(a!) / asNumber(b!)),
  min: (args) => Math.min(...args.map(asNumber)),
  max: (args) => Math.max(...args.map(asNumber)),
  equal: ([a, b]) => a === b,
  greaterOrEqual: ([a, b]) => asNumber(a!) >= asNumber(b!),
  lessOrEqual: ([a, b]) => asNumber(a!) <= asNumber(b!),
  and: (args) => args.every((a) => a === true),
};

export function constantValue(e: Element): Value {
  const raw = e.textContent ?? '';
  const type = e.getAttribute('dataType') ?? 'double';
  if (type === 'string') return raw;
  if (type === 'integer') return Math.trunc(Number(raw));
  return Number(raw);
}

export function interval(e: Element): (v: number) => boolean {
  const closure = e.getAttribute('closure')!;
  const left = e.hasAttribute('leftMargin') ? Number(e.getAttribute('leftMargin')) : -Infinity;
  const right = e.hasAttribute('rightMargin') ? Number(e.getAttribute('rightMargin')) : Infinity;
  const leftClosed = closure.startsWith('closed');
  const rightClosed = closure.endsWith('Closed');
  return (v) => (leftClosed ? v >= left : v > left) && (rightClosed ? v <= right : v < right);
}

/** An expression compiled once into a function of the field values (walking the DOM per customer is too slow for big Discretize tables). */
export function compile(e: Element): (env: Env) => Value {
  switch (e.localName) {
    case 'Constant': {
      const value = constantValue(e);
      return () => value;
    }
    case 'FieldRef': {
      const name = e.getAttribute('field')!;
      return (env) => {
        if (!env.has(name)) throw new Error(`FieldRef to unknown field ${name}`);
        return env.get(name)!;
      };
    }
    case 'Discretize': {
      const field = e.getAttribute('field')!;
      const missing = e.hasAttribute('mapMissingTo') ? Number(e.getAttribute('mapMissingTo')) : null;
      const otherwise = e.hasAttribute('defaultValue') ? Number(e.getAttribute('defaultValue')) : null;
      const bins = children(e, 'DiscretizeBin').map((bin) => ({ contains: interval(only(bin, 'Interval')), value: Number(bin.getAttribute('binValue')) }));
      // The first bin holding the value wins; none: the defaultValue.
      return (env) => {
        const v = env.get(field);
        if (v === null || v === undefined) return missing;
        const x = asNumber(v);
        for (const bin of bins) if (bin.contains(x)) return bin.value;
        return otherwise;
      };
    }
    case 'Apply':
      return compileApply(e);
    default:
      throw new Error(`expression ${e.localName} is not supported here`);
  }
}

export function compileApply(e: Element): (env: Env) => Value {
  const fn = e.getAttribute('function')!;
  const args = children(e).map(compile);
  const mapMissingTo = e.hasAttribute('mapMissingTo') ? Number(e.getAttribute('mapMissingTo')) : null;
  if (fn === 'isMissing') return (env) => args[0]!(env) === null;
  if (fn === 'isNotMissing') return (env) => args[0]!(env) !== null;
  if (fn === 'if') {
    // Only the branch taken is evaluated; a missing condition gives a missing result.
    return (env) => {
      const condition = args[0]!(env);
      if (condition === null) return mapMissingTo;
      if (condition === true) return args[1]!(env);
      return args[2] ? args[2](env) : null;
    };
  }
  const op = OPERATIONS[fn];
  if (!op) throw new Error(`function ${fn} is not supported here`);
  return (env) => {
    const values = args.map((a) => a(env));
    return values.some((v) => v === null) ? mapMissingTo : op(values);
  };
}

export function compilePredicate(e: Element): (env: Env) => boolean | null {
  switch (e.localName) {
    case 'True':
      return () => true;
    case 'False':
      return () => false;
    case 'SimplePredicate': {
      const field = e.getAttribute('field')!;
      const operator = e.getAttribute('operator')!;
      const value = Number(e.getAttribute('value'));
      return (env) => {
        const v = env.get(field) ?? null;
        if (operator === 'isMissing') return v === null;
        if (operator === 'isNotMissing') return v !== null;
        if (v === null) return null;
        const x = asNumber(v);
        switch (operator) {
          case 'equal': return x === value;
          case 'lessThan': return x < value;
          case 'lessOrEqual': return x <= value;
          case 'greaterThan': return x > value;
          case 'greaterOrEqual': return x >= value;
          default: throw new Error(`operator ${operator} is not supported here`);
        }
      };
    }
    default:
      throw new Error(`predicate ${e.localName} is not supported here`);
  }
}
