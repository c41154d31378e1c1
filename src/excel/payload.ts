/** Excel's request size limit, and recognising its error. */

/** Excel on the web refuses a request or response over 5 MB; reads in pieces aim below this. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** True for Excel's "request (or response) too large" errors. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** The Office.js error code of an error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return undefined;
}

/** Size of a value as JSON, in UTF-8 bytes. */
export function jsonSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
