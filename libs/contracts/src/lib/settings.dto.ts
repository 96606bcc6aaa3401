/** `GET /api/settings`: the server's configuration a client shows its users. */
export interface ClientSettingsDto {
  /** The largest file an upload may have (`UPLOAD_LIMIT_MB`); one byte more is refused with 413. */
  uploadLimitBytes: number;
}
