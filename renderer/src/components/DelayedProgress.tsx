// Progress appears only when something takes longer than a second, so quick answers don't flicker.
import { useEffect, useState } from 'react';

export function DelayedProgress({ active, label, delayMs = 1000 }: { active: boolean; label: string; delayMs?: number }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!active) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  if (!visible) return null;
  return (
    <div className="progress" role="status" aria-live="polite">
      <div className="progress-bar indeterminate" />
      <span>{label}</span>
    </div>
  );
}
