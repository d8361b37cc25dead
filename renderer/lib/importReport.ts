// Core's all-or-nothing failure names the report of rejected rows inside its message ("Every
// problem is listed in /path/rejected.csv."); pulling the path out lets the UI offer Copy.
const LISTED_IN = /listed in (.+?\.csv)\b/;

export function reportPathInMessage(message: string): string | null {
  return LISTED_IN.exec(message)?.[1] ?? null;
}
