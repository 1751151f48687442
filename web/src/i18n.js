// i18n.js: the UI's own words in Chinese (the default; the Chinese text is the key) and English. Labels of
// codes, statuses and events, and every error message, come from the server in the language asked for
// (Accept-Language), so they are not here. The choice is remembered in localStorage.

import { EN } from './i18n-en.js';

const KEY = 'tuopin.lang';
let lang = 'zh';
try {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh') lang = saved;
} catch {
  /* storage may be off: Chinese */
}

export function getLang() {
  return lang;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

// t('截至 {date}', {date: '2018-10-08'}): the text in the current language with {names} filled in.
// An English text with a singular form has it under the key '<text>|1', used when params.n is 1 ('1 person').
export function t(zh, params) {
  let s = lang === 'en' ? (params && Number(params.n) === 1 && EN[`${zh}|1`]) || (EN[zh] ?? zh) : zh;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] !== undefined ? String(params[k]) : m));
  return s;
}

// Words missing from the English table (the tests ask that there are none on the screens they visit).
export function missingEnglish(keys) {
  return keys.filter((k) => !(k in EN));
}

document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
