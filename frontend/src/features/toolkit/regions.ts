/** Crisis lines by region (data in crisis-lines.json), and the region this phone is in. */
import data from './crisis-lines.json';

export interface CrisisLine {
  name: string;
  call?: string;
  text?: string;
  text_body?: string;
  chat?: string;
  hours?: string;
}

export interface Region {
  code: string;
  name: string;
  emergency: string;
  lines: CrisisLine[];
}

export const REGIONS: Region[] = data.regions;
export const LINES_NOTE: string = data.note;
const FALLBACK = REGIONS.find((region) => region.code === 'INTL')!;

/** Guess the region from the device's languages, then its time zone; else "somewhere else". */
export function detectRegion(): string {
  for (const language of navigator.languages ?? [navigator.language]) {
    const code = language.split('-')[1]?.toUpperCase();
    if (code && REGIONS.some((region) => region.code === code)) return code;
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  const zones: Record<string, string> = data.time_zones;
  const match = Object.keys(zones).find(
    (prefix) => zone === prefix || (prefix.endsWith('/') && zone.startsWith(prefix)),
  );
  return match ? zones[match]! : FALLBACK.code;
}

export function regionFor(code: string | null): Region {
  return REGIONS.find((region) => region.code === (code ?? detectRegion())) ?? FALLBACK;
}

/** A dialable form of a number for tel: and sms: links. */
export function dialable(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}

export function telHref(number: string): string {
  return `tel:${dialable(number)}`;
}

export function smsHref(number: string, body?: string): string {
  return `sms:${dialable(number)}${body ? `?body=${encodeURIComponent(body)}` : ''}`;
}
