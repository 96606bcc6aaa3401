/** The document kinds the product accepts (decided by a file's bytes on upload). */
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'png' | 'jpeg' | 'csv' | 'txt';

/** A stored upload as every domain shows it: the sanitised name, its kind and its SHA-256. */
export interface StoredFileDto {
  id: string;
  fileName: string;
  mediaType: string;
  kind: DocumentKind;
  sha256: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}
