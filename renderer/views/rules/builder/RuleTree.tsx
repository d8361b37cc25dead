// The rule as nested groups: each group combines its children with AND or OR and may be negated;
// each node shows how many customers it matches on its own, and its problems right under it.
import { useMemo, type ReactNode } from 'react';
import type { RuleGroup, RuleLeaf, RuleNode, SegmentationOption } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { evalCurrent } from '../../../store/rulesSlice.ts';
import { Icon, type IconName } from '../../../components/Icon.tsx';
import { Menu, type MenuEntry } from '../../../components/Menu.tsx';
import { formatInt } from '../../../lib/format.ts';
import { countFor } from './ruleCounts.ts';
import { shareText } from './ruleDisplay.ts';
import { canAddSubgroup, defaultNode, duplicateNode, insertChild, MAX_CHILDREN, moveNode, pathKey, removeNode, setCombine, toggleNot, type LeafKind, type NodePath } from './ruleTree.ts';
import { indexIssues, type RuleIssue } from './ruleValidation.ts';
import { SignalEditor } from './SignalEditor.tsx';
import { AttributeEditor } from './AttributeEditor.tsx';
import { EventEditor } from './EventEditor.tsx';
import { SegmentEditor } from './SegmentEditor.tsx';

export const KIND_INFO: Record<LeafKind, { label: string; icon: IconName; hint: string }> = {
  signal: { label: 'Signal', icon: 'signal', hint: 'A behavioural signal or the intent score compared with a number' },
  attribute: { label: 'Attribute', icon: 'users', hint: 'A field of the customer record: country, city, email…' },
  event: { label: 'Event', icon: 'activity', hint: 'Did or did not do something, how often, when' },
  segment: { label: 'Segment', icon: 'clusters', hint: 'Membership of a cluster, phase, RFM group, saved segment…' },
};

function NodeCount({ node, path }: { node: RuleNode; path: NodePath }) {
  const index = useApp((s) => s.rulesEvalIndex);
  const customers = useApp((s) => s.rulesEval?.customers ?? 0);
  const current = useApp(evalCurrent);
  const pending = useApp((s) => s.rulesEvalPending);
  const c = countFor(index, node, path);
  if (!c) {
    return (
      <span className="rb-count none num" data-testid="node-count" aria-label={pending ? 'Counting' : 'Not counted'}>
        {pending ? '…' : '—'}
      </span>
    );
  }
  // Counts of the rule as it is now fit every node by place; otherwise they are an earlier version's.
  const fresh = current;
  return (
    <span
      className={`rb-count num${fresh ? '' : ' stale'}`}
      data-testid="node-count"
      data-count={c.count}
      data-fresh={fresh ? 'true' : 'false'}
      title={fresh ? `${formatInt(c.count)} customers match this on its own (${shareText(c.count, customers)} of ${formatInt(customers)})` : 'Count before the last change'}
    >
      {formatInt(c.count)}
      <span className="rb-count-share">{shareText(c.count, customers)}</span>
    </span>
  );
}

function NotToggle({ node, path }: { node: RuleNode; path: NodePath }) {
  const editRule = useApp((s) => s.editRule);
  return (
    <button
      type="button"
      className={`rb-not${node.not ? ' on' : ''}`}
      aria-pressed={node.not}
      onClick={() => editRule((r) => toggleNot(r, path))}
      title={node.not ? 'Negated: matches customers this does NOT match. Click to remove NOT.' : 'Negate: match customers this does not match'}
      data-testid="node-not"
    >
      NOT
    </button>
  );
}

function NodeActions({ path, siblings, label }: { path: NodePath; siblings: number; label: string }) {
  const editRule = useApp((s) => s.editRule);
  const i = path[path.length - 1]!;
  const entries: MenuEntry[] = [
    { kind: 'item', label: 'Move up', icon: 'arrow-up', disabled: i === 0, onSelect: () => editRule((r) => moveNode(r, path, -1)), testId: 'node-move-up' },
    { kind: 'item', label: 'Move down', icon: 'arrow-down', disabled: i >= siblings - 1, onSelect: () => editRule((r) => moveNode(r, path, 1)), testId: 'node-move-down' },
    { kind: 'item', label: 'Duplicate', icon: 'copy', disabled: siblings >= MAX_CHILDREN, onSelect: () => editRule((r) => duplicateNode(r, path)), testId: 'node-duplicate' },
  ];
  return (
    <span className="rb-actions">
      <Menu label={<Icon name="more" size={14} />} entries={entries} buttonClassName="btn ghost small icon-only" ariaLabel={`More actions for this ${label}`} buttonTitle="Move, duplicate" align="right" buttonTestId="node-more" />
      <button type="button" className="btn ghost small icon-only" onClick={() => editRule((r) => removeNode(r, path))} aria-label={`Remove this ${label}`} title={`Remove this ${label}`} data-testid="node-remove">
        <Icon name="trash" size={13} />
      </button>
    </span>
  );
}

function NodeIssues({ issues }: { issues: RuleIssue[] | undefined }) {
  if (!issues?.length) return null;
  return (
    <ul className="rb-issues" data-testid="node-issues">
      {issues.map((i, k) => (
        <li key={k}>
          <Icon name="alert" size={12} /> {i.message}
        </li>
      ))}
    </ul>
  );
}

function LeafEditor({ node, path, issues }: { node: RuleLeaf; path: NodePath; issues: RuleIssue[] | undefined }) {
  switch (node.kind) {
    case 'signal':
      return (
        <div className="rb-fields">
          <SignalEditor node={node} path={path} issues={issues} />
        </div>
      );
    case 'attribute':
      return (
        <div className="rb-fields">
          <AttributeEditor node={node} path={path} issues={issues} />
        </div>
      );
    case 'event':
      return <EventEditor node={node} path={path} issues={issues} />;
    case 'segment':
      return <SegmentEditor node={node} path={path} issues={issues} />;
  }
}

function LeafNode({ node, path, siblings, issues }: { node: RuleLeaf; path: NodePath; siblings: number; issues: Map<string, RuleIssue[]> }) {
  const mine = issues.get(pathKey(path));
  const info = KIND_INFO[node.kind];
  return (
    <div className={`rb-leaf${node.not ? ' negated' : ''}${mine ? ' has-issues' : ''}`} data-testid="rule-condition" data-kind={node.kind} data-path={pathKey(path)}>
      <div className="rb-leaf-row">
        <NotToggle node={node} path={path} />
        <span className="rb-kind" title={`${info.label}: ${info.hint}`}>
          <Icon name={info.icon} size={13} />
          <span className="visually-hidden">{info.label}</span>
        </span>
        <div className="rb-leaf-body">
          <LeafEditor node={node} path={path} issues={mine} />
        </div>
        <NodeCount node={node} path={path} />
        <NodeActions path={path} siblings={siblings} label="condition" />
      </div>
      <NodeIssues issues={mine} />
    </div>
  );
}

function AddButtons({ path, count }: { path: NodePath; count: number }) {
  const editRule = useApp((s) => s.editRule);
  const catalog = useApp((s) => s.rulesCatalog);
  const segmentations = useApp((s) => s.rulesSegmentations);
  const ownId = useApp((s) => s.rulesDraft?.segmentId ?? null);
  const full = count >= MAX_CHILDREN;
  const add = (kind: LeafKind | 'group') => {
    const usable = (o: SegmentationOption) => o.available && o.ref.kind !== 'rules' && !(o.ref.kind === 'segment' && o.ref.segmentId === ownId);
    const segmentation = segmentations?.find(usable)?.ref ?? null;
    editRule((r) => insertChild(r, path, defaultNode(kind, { signals: catalog?.map((s) => s.id) ?? [], segmentation })));
  };
  const entries: MenuEntry[] = (Object.keys(KIND_INFO) as LeafKind[]).map((kind) => ({
    kind: 'item',
    label: KIND_INFO[kind].label,
    icon: KIND_INFO[kind].icon,
    title: KIND_INFO[kind].hint,
    onSelect: () => add(kind),
    testId: `add-${kind}`,
  }));
  const deep = !canAddSubgroup(path);
  return (
    <span className="rb-add">
      {full ? (
        <span className="faint rb-full">{MAX_CHILDREN} conditions is the most a group holds</span>
      ) : (
        <>
          <Menu
            label={
              <>
                <Icon name="plus" size={13} /> Condition
              </>
            }
            entries={entries}
            buttonClassName="btn small"
            buttonTestId="add-condition"
            align="right"
            ariaLabel="Add a condition to this group"
          />
          <button
            type="button"
            className="btn small"
            onClick={() => add('group')}
            disabled={deep}
            title={deep ? 'Groups nest at most 6 deep' : 'Add a group of conditions (for a different AND/OR inside this one)'}
            data-testid="add-group"
          >
            <Icon name="plus" size={13} /> Group
          </button>
        </>
      )}
    </span>
  );
}

function CombineToggle({ group, path }: { group: RuleGroup; path: NodePath }) {
  const editRule = useApp((s) => s.editRule);
  return (
    <span className="rb-combine" role="radiogroup" aria-label="Combine the conditions with">
      {(['and', 'or'] as const).map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={group.combine === c}
          className={group.combine === c ? 'on' : ''}
          onClick={() => editRule((r) => setCombine(r, path, c))}
          data-testid={`combine-${c}`}
          title={c === 'and' ? 'Customers must match all of these' : 'Customers must match at least one of these'}
        >
          {c.toUpperCase()}
        </button>
      ))}
    </span>
  );
}

function GroupNode({ node, path, siblings, issues }: { node: RuleGroup; path: NodePath; siblings: number; issues: Map<string, RuleIssue[]> }) {
  const mine = issues.get(pathKey(path));
  const root = path.length === 0;
  const children: ReactNode[] = [];
  node.children.forEach((child, i) => {
    const childPath = [...path, i];
    if (i > 0) {
      children.push(
        <div key={`j${i}`} className="rb-joiner" aria-hidden="true">
          {node.combine.toUpperCase()}
        </div>,
      );
    }
    children.push(
      child.kind === 'group' ? (
        <GroupNode key={i} node={child} path={childPath} siblings={node.children.length} issues={issues} />
      ) : (
        <LeafNode key={i} node={child} path={childPath} siblings={node.children.length} issues={issues} />
      ),
    );
  });
  return (
    <div className={`rb-group${root ? ' root' : ''}${node.not ? ' negated' : ''}`} data-testid="rule-group" data-path={pathKey(path)} data-combine={node.combine}>
      <div className="rb-group-head">
        <NotToggle node={node} path={path} />
        <CombineToggle group={node} path={path} />
        <span className="rb-group-words muted">{node.combine === 'and' ? 'all of these' : 'any of these'}</span>
        <NodeCount node={node} path={path} />
        <span className="spacer" />
        <AddButtons path={path} count={node.children.length} />
        {root ? null : <NodeActions path={path} siblings={siblings} label="group" />}
      </div>
      <NodeIssues issues={mine} />
      <div className="rb-children">
        {children.length ? (
          children
        ) : (
          <p className="rb-empty-group muted" data-testid="group-empty">
            {root ? 'No conditions yet: every customer matches. Add a condition to narrow it down.' : 'Empty group: add a condition to it, or remove it.'}
          </p>
        )}
      </div>
    </div>
  );
}

export function RuleTree() {
  const rule = useApp((s) => s.rulesDraft?.rule);
  const issues = useApp((s) => s.rulesIssues);
  const index = useMemo(() => indexIssues(issues), [issues]);
  if (!rule) return null;
  return (
    <div className="rb-tree" data-testid="rule-tree">
      <GroupNode node={rule} path={[]} siblings={1} issues={index} />
    </div>
  );
}
