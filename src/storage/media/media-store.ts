/**
 * Where image files live. On one node: a folder in the data dir, served by the
 * app. Scaled out: an S3-compatible bucket behind the same interface.
 * Keys are content-addressed, so a stored file never changes.
 */
export interface MediaStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Path or absolute URL a page links to. */
  url(key: string): string;
}
