// The application menu: Chinese labels over Electron's built-in roles, so each item does exactly
// what the platform does (undo, copy, zoom …) with no custom code to get wrong. Reload and
// DevTools exist only in development builds: a packaged app has no way into DevTools.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuFacts = { appName: string; isMac: boolean; development: boolean };

export function menuTemplate({ appName, isMac, development }: MenuFacts): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developerItems: MenuItemConstructorOptions[] = development
    ? [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        separator,
      ]
    : [];
  return [
    // macOS puts the app's own menu first (about, hide, quit) by convention.
    ...(isMac ? [{ role: 'appMenu', label: appName } satisfies MenuItemConstructorOptions] : []),
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...developerItems,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [{ role: 'about', label: `关于${appName}` }],
    },
  ];
}

export function installMenu(facts: MenuFacts): void {
  app.setAboutPanelOptions({ applicationName: facts.appName, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(facts)));
}
