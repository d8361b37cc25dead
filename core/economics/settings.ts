// The workspace's economics settings (workbench_settings 'economics'): margin share or margin
// column, support contact cost, churn horizon.
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { economicsSettingsSchema, type EconomicsSettings } from './types.ts';

const KEY = 'economics';

export function loadEconomicsSettings(db: Db): EconomicsSettings {
  const parsed = economicsSettingsSchema.safeParse(readSetting(db, KEY)?.value ?? {});
  return parsed.success ? parsed.data : economicsSettingsSchema.parse({});
}

export function saveEconomicsSettings(db: Db, settings: EconomicsSettings): EconomicsSettings {
  writeSetting(db, KEY, settings);
  return settings;
}
