/** A file size as people read it: bytes, kB or MB (powers of 1024, as upload limits are counted). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return $localize`:A file size in bytes@@fileSize.bytes:${bytes}:size: bytes`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return $localize`:A file size in kilobytes@@fileSize.kilobytes:${round(kilobytes)}:size: kB`;
  return $localize`:A file size in megabytes@@fileSize.megabytes:${round(kilobytes / 1024)}:size: MB`;
}

/** One decimal under 10, none above, with the reader's decimal sign (1.5 MB, 1,5 MB); the app's language is on `<html lang>`. */
function round(value: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'en', {
    maximumFractionDigits: value < 10 ? 1 : 0,
    minimumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
