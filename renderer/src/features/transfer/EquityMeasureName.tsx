// An equity measure's name with its explanation: a tooltip on hover, and an ⓘ button (keyboard
// reachable) that shows the definition and the 优质均衡 threshold under the name.
import { useId, useState } from 'react';
import { equityMeasureInfo, type EquityMeasure } from './equity-info';

export function EquityMeasureName({ measure, name, lang }: { measure: EquityMeasure; name: string; lang: 'zh' | 'en' }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const info = equityMeasureInfo(measure, lang);
  return (
    <span className="measure-name" title={`${info.definition}\n${info.threshold}`}>
      {name}{' '}
      <button type="button" className="info-button" aria-expanded={open} aria-controls={id} aria-label={lang === 'zh' ? `${name}：定义与阈值` : `${name}: definition and threshold`} data-testid={`measure-info-${measure}`} onClick={() => setOpen((o) => !o)}>
        ⓘ
      </button>
      {open && (
        <span className="measure-info" id={id} role="note" data-testid={`measure-note-${measure}`}>
          <span>{info.definition}</span>
          <span>{info.threshold}</span>
        </span>
      )}
    </span>
  );
}
