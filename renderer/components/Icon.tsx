// Inline SVG icons (24×24, stroked with currentColor). Drawn here rather than taken from an icon
// package or a font: the app is offline and must not fetch anything, and this keeps the bundle
// to the few dozen glyphs the workbench actually uses.
import type { SVGProps } from 'react';

const PATHS = {
  table: 'M3 5h18v14H3zM3 10h18M3 15h18M9 10v9',
  signal: 'M4 20v-4M9 20v-8M14 20V8M19 20V4',
  clusters: 'M7 8.5a2.5 2.5 0 1 0 0-.01M16.5 7a2 2 0 1 0 0-.01M15 17.5a3 3 0 1 0 0-.01M6 17a1.5 1.5 0 1 0 0-.01',
  rules: 'M4 6h10M4 12h7M4 18h10M17 5l2 2 3-3M15 13l3 3M18 13l-3 3M17 17l2 2 3-3',
  migration: 'M3 7h11l-3-3M14 7l-3 3M21 17H10l3-3M10 17l3 3',
  economics: 'M4 20h16M6 16v-5M10 16V8M14 16v-3M18 16V6',
  export: 'M12 3v12M7 10l5 5 5-5M4 17v3h16v-3',
  predict: 'M3 20h18M4 16l4-5 3 3 3-5M16.5 6.5l1.5-1.5M20 3h.01',
  play: 'M7 4.5v15l12-7.5z',
  eye: 'M2 12s3.5-6.5 10-6.5S22 12 22 12s-3.5 6.5-10 6.5S2 12 2 12zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  key: 'M14.5 9.5a4 4 0 1 0-3.2 3.9L13 15h2v2h2v2h3v-3l-5.6-5.6a4 4 0 0 0 .1-.9zM8.5 8.5h.01',
  'user-plus': 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M19 8v6M16 11h6',
  zap: 'M13 2 4 14h7l-1 8 9-12h-7z',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  'mail-open': 'M3 10v10h18V10l-9-6zM3 10l9 6 9-6',
  pointer: 'M5 3l6 17 2.5-7.5L21 10zM13.5 12.5 19 18',
  message: 'M4 4h16v12H8l-4 4z',
  reply: 'M10 8 4 13l6 5M4 13h10a6 6 0 0 1 6 6',
  cart: 'M3 4h2.5l2.2 11h10.8L21 7H6.4M9 20h.01M17 20h.01',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  bag: 'M5 8h14l-1 13H6zM9 8V6a3 3 0 0 1 6 0v2',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17h.01',
  dot: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  folder: 'M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z',
  'folder-open': 'M3 7V6a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v2M3 19l3-8h16l-3 8z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  workspace: 'M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  plus: 'M12 5v14M5 12h14',
  x: 'M6 6l12 12M18 6 6 18',
  'chevron-down': 'M6 9l6 6 6-6',
  'chevron-right': 'M9 6l6 6-6 6',
  'chevron-left': 'M15 6l-6 6 6 6',
  'arrow-up': 'M12 19V5M6 11l6-6 6 6',
  'arrow-down': 'M12 5v14M6 13l6 6 6-6',
  'sort-none': 'M8 9l4-4 4 4M8 15l4 4 4-4',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l4.5 4.5',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  monitor: 'M3 4h18v12H3zM8 20h8M12 16v4',
  alert: 'M12 3 2 20h20zM12 10v4M12 17h.01',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5h.01',
  check: 'M5 12.5l4.5 4.5L19 7',
  refresh: 'M20 5v5h-5M4 19v-5h5M5.5 9a7 7 0 0 1 12.7-2L20 10M4 14l1.8 3a7 7 0 0 0 12.7-2',
  sparkles: 'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8zM19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  home: 'M3 11l9-7 9 7M5 10v10h14V10',
  plug: 'M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4',
  lock: 'M6 11h12v10H6zM8 11V8a4 4 0 0 1 8 0v3',
  'panel-left': 'M3 4h18v16H3zM9 4v16',
  filter: 'M3 5h18l-7 8v6l-4 2v-8z',
  calendar: 'M4 6h16v15H4zM4 10h16M8 3v4M16 3v4',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7M18 14.5a6 6 0 0 1 4 5.5v1',
  activity: 'M3 12h4l3-8 4 16 3-8h4',
  keyboard: 'M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M7 14h10',
  'file-plus': 'M6 3h8l4 4v14H6zM14 3v4h4M12 11v6M9 14h6',
  upload: 'M12 15V4M7 9l5-5 5 5M4 17v3h16v-3',
  copy: 'M9 9h11v11H9zM15 9V4H4v11h5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2',
} as const;

export type IconName = keyof typeof PATHS;

interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'name'> {
  name: IconName;
  size?: number;
  /** When set, the icon is announced; otherwise it is decorative. */
  title?: string;
}

export function Icon({ name, size = 16, title, strokeWidth = 1.75, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      focusable="false"
      className="icon"
      {...rest}
    >
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
