import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** The last message about editing (a refusal names the row and column), in the reader's language. */
export function EditNoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((state) => state.editNotice);
  const language = useAppStore((state) => state.language);
  const setEditNotice = useAppStore((state) => state.setEditNotice);
  if (!notice) return null;
  return (
    <div className={`edit-notice edit-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="edit-notice" data-kind={notice.kind}>
      <span>{language === 'zh' ? notice.zh : notice.en}</span>
      <button type="button" className="button" onClick={() => setEditNotice(null)}>
        {t('editing.messages.dismiss')}
      </button>
    </div>
  );
}
