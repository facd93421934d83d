// The operator's locale as Lime Connect sends it (`en_US`): as a BCP 47 tag for `Intl`, and as the
// language of the Portal's texts.
/** Lime Connect writes locales as `en_US`; Intl wants `en-US`. Unknown tags fall back to `en`. */
export function toBcp47(locale: string | null | undefined): string {
  const tag = (locale ?? '').trim().replace(/_/g, '-');
  if (!tag) {
    return 'en';
  }
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `sv` for Swedish locales, else `en`: the languages the Portal is translated into. */
export function portalLanguage(locale: string | null | undefined): 'en' | 'sv' {
  return toBcp47(locale).toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
