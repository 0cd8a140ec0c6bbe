/** One mail from standard input, as an MTA pipes it (Postfix `pipe`, procmail, a `.forward` `|command`). */

/**
 * Reads standard input to its end but keeps only the first `limit` bytes:
 * the rest is drained, not refused, because an MTA whose pipe is closed
 * early counts the delivery as failed and may bounce the reader's mail.
 */
export async function readMessage(input: NodeJS.ReadableStream = process.stdin, limit = 1024 * 1024): Promise<Buffer> {
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (size < limit) kept.push(bytes.subarray(0, limit - size));
    size += bytes.length;
  }
  return Buffer.concat(kept);
}
