/**
 * Photo agencies put the caption and the credit inside the file: IPTC IIM
 * records (2:120 caption, 2:110 credit line, 2:80 by-line) and XMP
 * (dc:description, photoshop:Credit, dc:creator). We read them to prefill the
 * library's fields; the desk can always overwrite them.
 */
export interface EmbeddedCredits {
  caption?: string;
  credit?: string;
}

/** IPTC IIM datasets: 0x1C, record, dataset, 2-byte length, value. */
export function readIptc(buffer: Buffer | undefined): EmbeddedCredits {
  if (!buffer) return {};
  const found = new Map<number, string>();
  for (let i = 0; i + 5 <= buffer.length; i++) {
    if (buffer[i] !== 0x1c || buffer[i + 1] !== 0x02) continue;
    const dataset = buffer[i + 2]!;
    const length = buffer.readUInt16BE(i + 3);
    if (length & 0x8000 || i + 5 + length > buffer.length) continue;
    if (!found.has(dataset))
      found.set(
        dataset,
        buffer
          .subarray(i + 5, i + 5 + length)
          .toString('utf8')
          .trim(),
      );
    i += 4 + length;
  }
  const credit = found.get(110) || found.get(80);
  const caption = found.get(120);
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** The first value of an XMP property, written as an attribute, a simple element, or an rdf:Alt/Seq list. */
function xmpValue(xmp: string, name: string): string | undefined {
  const attribute = new RegExp(`${name}="([^"]*)"`).exec(xmp)?.[1];
  if (attribute) return decodeXml(attribute);
  const element = new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1];
  if (!element) return undefined;
  const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(element)?.[1];
  const value = decodeXml(item ?? element.replace(/<[^>]+>/g, ''));
  return value || undefined;
}

export function readXmp(buffer: Buffer | undefined): EmbeddedCredits {
  if (!buffer) return {};
  const xmp = buffer.toString('utf8');
  const caption = xmpValue(xmp, 'dc:description');
  const credit = xmpValue(xmp, 'photoshop:Credit') ?? xmpValue(xmp, 'dc:creator');
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/** XMP first (it carries Unicode properly), IPTC where XMP is silent. */
export function embeddedCredits(meta: { iptc?: Buffer; xmp?: Buffer }): EmbeddedCredits {
  return { ...readIptc(meta.iptc), ...readXmp(meta.xmp) };
}
