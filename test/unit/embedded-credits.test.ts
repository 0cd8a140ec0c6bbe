import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { embeddedCredits, readIptc, readXmp } from '../../src/services/media/embedded-credits.js';

/** IPTC IIM records as an agency writes them: 0x1C, record 2, dataset, length, value. */
function iim(records: [dataset: number, value: string][]): Buffer {
  return Buffer.concat(
    records.map(([dataset, value]) => {
      const data = Buffer.from(value, 'utf8');
      const head = Buffer.from([0x1c, 0x02, dataset, 0, 0]);
      head.writeUInt16BE(data.length, 3);
      return Buffer.concat([head, data]);
    }),
  );
}

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="AGENCY/Ana Ferreira &amp; Co">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Cranes at the port of Sarvel at dawn</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>Ana Ferreira</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('credits and captions embedded in pictures', () => {
  it('reads the IPTC caption and credit line, falling back to the by-line', () => {
    expect(
      readIptc(
        iim([
          [120, 'Barges on the Danube'],
          [110, 'AGENCY/Jonas Eklund'],
        ]),
      ),
    ).toEqual({ caption: 'Barges on the Danube', credit: 'AGENCY/Jonas Eklund' });
    expect(readIptc(iim([[80, 'Jonas Eklund']]))).toEqual({ credit: 'Jonas Eklund' });
    expect(readIptc(Buffer.from([0x1c, 0x02, 120, 0x00, 0xff, 0x41]))).toEqual({});
    expect(readIptc(undefined)).toEqual({});
  });

  it('reads XMP description and credit, decoding entities, and prefers XMP over IPTC', () => {
    expect(readXmp(Buffer.from(XMP))).toEqual({ caption: 'Cranes at the port of Sarvel at dawn', credit: 'AGENCY/Ana Ferreira & Co' });
    expect(
      embeddedCredits({
        xmp: Buffer.from(XMP),
        iptc: iim([
          [120, 'Old caption'],
          [110, 'OLD'],
        ]),
      }),
    ).toEqual({ caption: 'Cranes at the port of Sarvel at dawn', credit: 'AGENCY/Ana Ferreira & Co' });
  });

  it('finds them in a real JPEG that carries XMP', async () => {
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123456' } })
      .jpeg()
      .withXmp(XMP)
      .toBuffer();
    const meta = await sharp(jpeg).metadata();
    expect(embeddedCredits(meta)).toEqual({ caption: 'Cranes at the port of Sarvel at dawn', credit: 'AGENCY/Ana Ferreira & Co' });
  });
});
