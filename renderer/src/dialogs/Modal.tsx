import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  readonly title: string;
  readonly intro: string;
  readonly submitLabel: string;
  readonly isBusy: boolean;
  /** Shown inside the dialog, which stays open so the user can correct the input. */
  readonly error: string | null;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly testId: string;
  readonly children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** showModal() makes the page inert; this also keeps Tab from leaving for the browser's own UI. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [items[0], items.at(-1)];
  if (!first || !last) return;
  const edge = event.shiftKey ? first : last;
  if (document.activeElement === edge || !event.currentTarget.contains(document.activeElement)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** Focuses the field marked data-autofocus: "select" selects its text, "end" puts the caret after it. */
function focusInitialField(dialog: HTMLDialogElement): void {
  const field = dialog.querySelector<HTMLInputElement>('[data-autofocus]');
  if (!field) return;
  field.focus();
  if (field.dataset.autofocus === 'select') field.select();
  else field.setSelectionRange(field.value.length, field.value.length);
}

/**
 * A modal form on the native <dialog> (top layer, inert page, Esc): labelled by its title,
 * Enter submits, Esc and Cancel close unless a request is running, focus returns where it was.
 */
export function Modal({ title, intro, submitLabel, isBusy, error, onSubmit, onClose, testId, children }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      focusInitialField(dialog);
    }
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={introId}
      data-testid={testId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onClose();
      }}
      // The browser may close it without a cancelable `cancel` (repeated Esc): follow it.
      onClose={(event) => {
        if (!event.currentTarget.open) onClose();
      }}
    >
      <form
        className="modal-form"
        noValidate
        aria-busy={isBusy}
        onSubmit={(event) => {
          event.preventDefault();
          if (!isBusy) onSubmit();
        }}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <p id={introId} className="modal-intro">
          {intro}
        </p>
        {children}
        {error && (
          <p className="modal-error" role="alert" data-testid="dialog-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={() => !isBusy && onClose()}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="dialog-submit">
            {isBusy ? t('dialog.busy') : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
