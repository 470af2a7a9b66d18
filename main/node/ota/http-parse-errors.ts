// Node's HTTP parser (llhttp) refuses answers that no careful client reads; its error codes, said in words.
// An answer refused here is a broken one (BAD_HTTP), not a point that never answered.

/** Response headers larger than this are refused: OkHttp, the Android runtime's HTTP client, stops at 256 KiB. */
export const MAX_HEADER_BYTES = 256 * 1024;

const SENTENCES: Readonly<Record<string, string>> = {
  HPE_INVALID_CONSTANT: 'something that is not HTTP',
  HPE_INVALID_VERSION: 'an HTTP version no client speaks',
  HPE_INVALID_STATUS: 'an invalid status line',
  HPE_HEADER_OVERFLOW: `response headers over ${MAX_HEADER_BYTES / 1024} KiB`,
  HPE_UNEXPECTED_CONTENT_LENGTH: 'two different Content-Length headers',
  HPE_INVALID_CONTENT_LENGTH: 'an invalid Content-Length',
  HPE_INVALID_TRANSFER_ENCODING: 'both Transfer-Encoding and Content-Length, or an invalid Transfer-Encoding',
  HPE_INVALID_HEADER_TOKEN: 'a header with characters HTTP does not allow',
  HPE_INVALID_CHUNK_SIZE: 'invalid chunked encoding',
  HPE_LF_EXPECTED: 'malformed line endings',
  HPE_CR_EXPECTED: 'malformed line endings',
};

/** The sentence for a parser error, or undefined when the error is not the parser's. */
export function parseErrorWords(code: string | undefined): string | undefined {
  if (!code?.startsWith('HPE_')) return undefined;
  return SENTENCES[code] ?? `an answer that is not valid HTTP (${code})`;
}
