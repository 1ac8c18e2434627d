/** The reader's settings: read, and changed (every open tab then redraws). */
import type { LensDb } from '../db/schema';
import { checkSettingsPatch, readSettings, type Settings } from '../settings';
import type { HandlerGroup, ServiceContext } from './context';

export async function storedSettings(db: LensDb): Promise<Settings> {
  return readSettings(await db.settings.toArray());
}

export function settingsHandlers({ db, store, options }: ServiceContext): HandlerGroup<'getSettings' | 'setSettings'> {
  return {
    getSettings: () => store.usable().then(() => storedSettings(db)),
    async setSettings(patch) {
      await store.usable();
      const valid = checkSettingsPatch(patch);
      await db.transaction('rw', db.settings, async () => {
        await db.settings.bulkPut(Object.entries(valid).map(([key, value]) => ({ key, value })));
      });
      options.onConfigChanged?.();
      return storedSettings(db);
    },
  };
}
