import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppError } from '../../../shared/api/contract';
import type { Language } from '../../../shared/format';
import { readLanguage } from '../store/preferences';
import { en } from './en';
import { zh } from './zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}

export const resources = { zh: { translation: zh }, en: { translation: en } } as const;

/** The app's i18next instance; bundled resources, so initialisation is synchronous. */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: readLanguage(),
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

/** A backend error in the reader's language. */
export function errorText(error: AppError, language: Language): string {
  return language === 'zh' ? error.messageZh || error.message : error.message || error.messageZh;
}
