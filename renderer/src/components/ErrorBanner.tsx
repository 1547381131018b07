import type { AppError } from '../../../core/result';
import { useI18n } from '../i18n/i18n';

export function ErrorBanner({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t('errorTitle')}</strong>
      <span className="error-message">{error.message}</span>
      <code className="error-code">{error.code}</code>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
