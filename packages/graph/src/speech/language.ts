/**
 * The ISO 639-1 code speech providers take, from an interview language tag ("pt-BR" → "pt",
 * "en" → "en"). Free text ("English") and longer codes give undefined: the provider then detects
 * the language itself rather than being told a wrong one.
 */
export function speechLanguageCode(language: string | undefined): string | undefined {
  const match = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/i.exec(language?.trim() ?? "");
  return match?.[1]?.toLowerCase();
}
