// Names the operating system sees. APP_ID must equal `appId` in electron-builder.yml: Windows
// groups taskbar entries and routes notifications by it (tested against the YAML).
export const PRODUCT_NAME = '教育财政工作台';
export const APP_ID = 'cn.gov.edu.finance.workbench';
