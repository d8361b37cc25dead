import { describe, expect, it } from 'vitest';
import { createRegistry, type HandlerGroup } from './registry.ts';
import { allHandlers } from './handlers.ts';
import { OP_NAMES } from './contract.ts';

describe('handler registry', () => {
  it('covers every operation of the contract exactly once', () => {
    const handlers = allHandlers();
    expect(Object.keys(handlers).sort()).toEqual([...OP_NAMES].sort());
  });

  it('rejects the same name registered by two domains', () => {
    const a: HandlerGroup = { 'app-info': () => ({}) as never };
    const b: HandlerGroup = { 'app-info': () => ({}) as never };
    expect(() => createRegistry([['a', a], ['b', b]])).toThrow(/"app-info" is registered twice \(by a and b\)/);
  });

  it('rejects a handler the contract does not declare', () => {
    const bad = { 'made-up-op': () => null } as unknown as HandlerGroup;
    expect(() => createRegistry([['x', bad]])).toThrow(/"made-up-op" in x is not declared/);
  });

  it('names the operations that have no handler', () => {
    expect(() => createRegistry([['a', { 'app-info': () => ({}) as never }]])).toThrow(/No handler registered for: .*workspace-open/);
  });

  it('uses kebab-case noun-verb names', () => {
    for (const name of OP_NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });
});
