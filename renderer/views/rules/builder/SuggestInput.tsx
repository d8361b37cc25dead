// A text input with suggestions from the data (WAI-ARIA combobox with a list): the values seen,
// how often each occurs, and where the counts come from. Suggestions only: any value can be
// typed. The list opens on focus or typing (asking for the values then, once), ↓/↑ move through
// it, Enter takes the highlighted value, Escape closes it. It is drawn over the page (a portal,
// fixed to the input) so the scrolling builder never clips it.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { formatInt } from '../../../lib/format.ts';
import { splitList } from './ruleDisplay.ts';
import { lastListItem, listItemsBefore, matchSuggestions, popupPlacement, replaceLastListItem, type Suggestion } from './suggestions.ts';
import './pickers.css';

export interface SuggestSource {
  /** Null while not asked for or loading. */
  suggestions: Suggestion[] | null;
  loading: boolean;
  error: string | null;
  /** What the counts count ("events", "customers"). */
  unit: string;
  /** Where the counts come from; shown under the list. */
  note: string | null;
  /** What to say when there is nothing to suggest at all. */
  emptyText?: string;
  /** Asks for the suggestions (called when the list opens; cheap when they are there). */
  load(): void;
}

interface CommonProps {
  source: SuggestSource;
  label: string;
  problem?: string | undefined;
  testId?: string;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
}

interface BoxProps extends CommonProps {
  text: string;
  onText(text: string): void;
  /** What the suggestions are matched against (the list item being typed, in a list). */
  query: string;
  /** Values not to suggest (already in the list). */
  exclude: readonly string[];
  onPick(value: string): void;
  /** A list stays open after a pick, for the next value. */
  multiple: boolean;
  title: string;
}

/** The input's box while the list is open, followed through scrolling and resizing. */
function useAnchorRect(ref: RefObject<HTMLElement | null>, open: boolean): DOMRect | null {
  const [rect, setRect] = useState<DOMRect | null>(null);
  useLayoutEffect(() => {
    if (!open) {
      setRect(null);
      return;
    }
    const update = () => setRect(ref.current?.getBoundingClientRect() ?? null);
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open, ref]);
  return rect;
}

function SuggestBox({ source, label, problem, testId, placeholder, className = '', autoFocus, text, onText, query, exclude, onPick, multiple, title }: BoxProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const { suggestions, loading, error, unit, note, emptyText, load } = source;
  const matches = useMemo(() => matchSuggestions(suggestions ?? [], query, exclude), [suggestions, query, exclude]);
  const top = suggestions?.[0]?.count ?? 0;
  const rect = useAnchorRect(inputRef, open);

  useEffect(() => {
    if (open) load();
  }, [open, load]);
  useEffect(() => setActive(-1), [query, suggestions]);
  useEffect(() => {
    if (active >= 0) listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function pick(value: string) {
    onPick(value);
    setActive(-1);
    if (!multiple) setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      const m = open && active >= 0 ? matches[active] : undefined;
      if (m) {
        e.preventDefault();
        pick(m.value);
      } else if (open) setOpen(false);
    } else if (e.key === 'Escape') {
      if (!open) return;
      // The list closes; the builder around it (a dialog, a discard prompt) is not told.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === 'Tab') setOpen(false);
  }

  const nothing = suggestions !== null && suggestions.length === 0;
  const showPopup = open && rect !== null && (loading || error !== null || suggestions !== null);
  const activeId = open && active >= 0 && matches[active] ? `${listId}-${active}` : undefined;

  return (
    <>
      <input
        ref={inputRef}
        type="text"
        className={`input rb-text sg-input ${className}`}
        value={text}
        placeholder={placeholder}
        maxLength={500}
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={showPopup}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={problem ? true : undefined}
        title={problem ?? title}
        data-testid={testId}
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {showPopup
        ? createPortal(
            <div
              className="sg-popup"
              style={popupPlacement(rect, { width: window.innerWidth, height: window.innerHeight })}
              // Clicks inside keep the focus in the input (so picking does not close the list first).
              onMouseDown={(e) => e.preventDefault()}
              data-testid="suggestions"
              data-for={testId}
            >
              {suggestions && suggestions.length > 0 ? (
                <div className="sg-head" aria-hidden="true">
                  <span>{multiple ? 'Add a value' : 'Values seen'}</span>
                  <span>{unit}</span>
                </div>
              ) : null}
              <ul ref={listRef} id={listId} role="listbox" aria-label={`${label}: values seen`} className="sg-list">
                {matches.map((m, i) => (
                  <li
                    key={m.value}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    data-index={i}
                    className={`sg-option${i === active ? ' active' : ''}`}
                    title={`${m.value}: ${formatInt(m.count)} ${unit}`}
                    onClick={() => pick(m.value)}
                    onMouseMove={() => active !== i && setActive(i)}
                    data-testid="suggestion"
                    data-value={m.value}
                    data-count={m.count}
                  >
                    <span className="sg-bar" style={{ width: `${top > 0 ? Math.max(1, (m.count / top) * 100) : 0}%` }} aria-hidden="true" />
                    <span className="sg-value">{m.value}</span>
                    <span className="sg-count num">{formatInt(m.count)}</span>
                  </li>
                ))}
              </ul>
              {loading && suggestions === null ? (
                <p className="sg-status muted">
                  <span className="spinner" /> Looking at the data…
                </p>
              ) : null}
              {error ? <p className="sg-status sg-error">No suggestions: {error}</p> : null}
              {nothing ? <p className="sg-status muted">{emptyText ?? 'No values seen.'} Any value can be typed.</p> : null}
              {!nothing && suggestions !== null && matches.length === 0 ? (
                <p className="sg-status muted" data-testid="suggestions-none">
                  {query.trim() ? <>No value seen matches “{query.trim()}”: it is used as typed.</> : 'Every value seen is in the list already.'}
                </p>
              ) : null}
              {note && suggestions !== null ? (
                <p className="sg-note" data-testid="suggestions-note">
                  {note}
                </p>
              ) : null}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

interface TextProps extends CommonProps {
  value: string | undefined;
  /** Empty text is "no value" (undefined). */
  onChange(value: string | undefined): void;
}

const NONE: readonly string[] = [];

/** One value, with suggestions. */
export function SuggestTextInput({ value, onChange, ...rest }: TextProps) {
  const text = value ?? '';
  return <SuggestBox {...rest} text={text} onText={(t) => onChange(t === '' ? undefined : t)} query={text} exclude={NONE} onPick={(v) => onChange(v)} multiple={false} title={rest.label} />;
}

interface ListProps extends CommonProps {
  values: readonly string[] | undefined;
  onChange(values: string[]): void;
}

/** A comma-separated list; suggestions complete the item being typed. */
export function SuggestListInput({ values, onChange, placeholder = 'a, b, c', ...rest }: ListProps) {
  const joined = (values ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((t) => (splitList(t).join(', ') === joined ? t : joined));
  }, [joined]);
  const setList = (t: string) => {
    setText(t);
    const next = splitList(t);
    if (next.join('\u0000') !== (values ?? []).join('\u0000')) onChange(next);
  };
  const before = useMemo(() => listItemsBefore(text), [text]);
  return (
    <SuggestBox
      {...rest}
      placeholder={placeholder}
      className={`rb-listinput ${rest.className ?? ''}`}
      text={text}
      onText={setList}
      query={lastListItem(text)}
      exclude={before}
      onPick={(v) => setList(replaceLastListItem(text, v))}
      multiple
      title={`${rest.label} (separate values with commas)`}
    />
  );
}
