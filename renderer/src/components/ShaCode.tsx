// A SHA-256 shown short (12 characters), the whole hash on hover, and in full on click so that it
// can be selected and copied to check against the file.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

export function ShaCode({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const [full, setFull] = useState(false);
  return (
    <code
      className={`sha${full ? ' sha-full' : ''}`}
      title={full ? sha256 : `${sha256}\n${t('dsShowFullHash')}`}
      data-sha256={sha256}
      tabIndex={0}
      role="button"
      aria-expanded={full}
      aria-label={`SHA-256 ${sha256}`}
      onClick={() => setFull((f) => !f)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setFull((f) => !f);
        }
      }}
    >
      {full ? sha256 : sha256.slice(0, 12)}
    </code>
  );
}
