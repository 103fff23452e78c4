import { appSettingsSchema, defaultAppSettings, type AppSettings } from '../../shared/appSettings';
import type { SettingsStore } from './settingsStore';

const key = 'app_settings';

/** The planner's app settings in the settings table; what is missing or unreadable reads as the default. */
export class AppSettingsStore {
  constructor(private readonly settings: SettingsStore) {}

  read(): AppSettings {
    return { ...defaultAppSettings, ...this.settings.get(key, appSettingsSchema.partial()) };
  }

  /** Changes the fields given; answers the settings as they now are. */
  change(changes: Partial<AppSettings>): AppSettings {
    const next = appSettingsSchema.parse({ ...this.read(), ...changes });
    this.settings.set(key, next);
    return next;
  }
}
