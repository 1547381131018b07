import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const h = vi.hoisted(() => ({
  setApplicationMenu: vi.fn(),
  buildFromTemplate: vi.fn((template: unknown) => ({ built: template })),
  setAboutPanelOptions: vi.fn(),
}));
vi.mock('electron', () => ({
  app: { setAboutPanelOptions: h.setAboutPanelOptions, getVersion: () => '0.1.0' },
  Menu: { setApplicationMenu: h.setApplicationMenu, buildFromTemplate: h.buildFromTemplate },
}));

import { installMenu, menuTemplate } from './menu';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const appName = '教育财政工作台';

describe('menuTemplate', () => {
  it('has the four Chinese menus on Windows and Linux, with quit under 文件', () => {
    const menu = menuTemplate({ appName, isMac: false, development: false });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles([menu[0] as MenuItemConstructorOptions])).toEqual(['quit']);
    expect(roles([menu[1] as MenuItemConstructorOptions])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('puts the app menu first on macOS and closes the window from 文件', () => {
    const menu = menuTemplate({ appName, isMac: true, development: false });
    expect(menu.map((m) => m.label)).toEqual([appName, '文件', '编辑', '视图', '帮助']);
    expect(menu[0]?.role).toBe('appMenu');
    expect(roles([menu[1] as MenuItemConstructorOptions])).toEqual(['close']);
  });

  it('offers no DevTools or reload in packaged builds', () => {
    for (const isMac of [false, true]) {
      const all = roles(menuTemplate({ appName, isMac, development: false }));
      expect(all).not.toContain('toggleDevTools');
      expect(all).not.toContain('reload');
      expect(all).not.toContain('forceReload');
    }
  });

  it('offers DevTools and reload in development', () => {
    const all = roles(menuTemplate({ appName, isMac: false, development: true }));
    expect(all).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']));
  });
});

describe('installMenu', () => {
  it('sets the built template as the application menu', () => {
    installMenu({ appName, isMac: false, development: false });
    expect(h.buildFromTemplate).toHaveBeenCalledWith(menuTemplate({ appName, isMac: false, development: false }));
    expect(h.setApplicationMenu).toHaveBeenCalledWith({ built: menuTemplate({ appName, isMac: false, development: false }) });
    expect(h.setAboutPanelOptions).toHaveBeenCalledWith({ applicationName: appName, applicationVersion: '0.1.0' });
  });
});
