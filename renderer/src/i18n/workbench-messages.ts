// UI text of the workbench-wide helpers (region search, table copy and print, keyboard help,
// explanations of figures and measures), kept apart from messages.ts so that views added in
// parallel do not edit the same lines. Every key in both languages (checked by the type).

export const workbenchZh = {
  regionMatches: '{n} 个匹配',
} as const;

export const workbenchEn: Record<keyof typeof workbenchZh, string> = {
  regionMatches: '{n} found',
};
