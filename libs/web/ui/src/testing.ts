// For tests only: answers to the requests the UI kit's pieces make themselves.
export { answerUploadLimit, DEFAULT_UPLOAD_LIMIT_BYTES } from './testing/upload-limit';
