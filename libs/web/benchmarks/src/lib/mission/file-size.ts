/** A file size as people read it: bytes, kB or MB (powers of 1024, as upload limits are counted). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return $localize`:A file size in bytes@@fileSize.bytes:${bytes}:size: bytes`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return $localize`:A file size in kilobytes@@fileSize.kilobytes:${round(kilobytes)}:size: kB`;
  return $localize`:A file size in megabytes@@fileSize.megabytes:${round(kilobytes / 1024)}:size: MB`;
}

function round(value: number): string {
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}
