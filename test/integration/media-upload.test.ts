import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { countImages } from '../../src/storage/repositories/images.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

for (const dialect of DIALECTS) {
  describe(`media upload on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let headers: Record<string, string>;
    beforeAll(async () => {
      site = await createTestSite(dialect, { publication: null });
      await createUser(site.deps, { actor: null, email: 'cora@example.org', name: 'Cora', role: 'contributor', password: 'password-123' });
      const login = await site.app.inject({
        method: 'POST',
        url: '/api/admin/v1/session',
        payload: { email: 'cora@example.org', password: 'password-123' },
      });
      headers = {
        cookie: String(login.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
      };
    });
    afterAll(async () => {
      await site?.close();
    });

    async function upload(bytes: Buffer, fields: Record<string, string> = {}, extra: Record<string, string> = headers) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(bytes)]), 'picture.jpg');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const payload = Buffer.from(await request.arrayBuffer());
      return site.app.inject({
        method: 'POST',
        url: '/api/admin/v1/media',
        headers: { ...extra, 'content-type': request.headers.get('content-type')! },
        payload,
      });
    }

    it('stores a picture a contributor uploads, with its credit, caption and alt text', async () => {
      const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } })
        .jpeg()
        .toBuffer();
      const res = await upload(jpeg, { credit: 'AGENCY/Photographer', caption: 'Harbour at dawn', alt: 'A harbour' });
      expect(res.statusCode).toBe(201);
      const { image } = res.json() as {
        image: { credit: string; caption: string; alt: string; width: number; variants: { format: string }[] };
      };
      expect(image).toMatchObject({ credit: 'AGENCY/Photographer', caption: 'Harbour at dawn', alt: 'A harbour', width: 1600 });
      expect(image.variants.map((v) => v.format).sort()).toEqual(['jpeg', 'webp', 'webp', 'webp']);
    });

    it('prefills credit and caption from the picture’s own XMP when the desk left them empty', async () => {
      const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="AGENCY/Jonas Eklund"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Barges at Sarvel</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
      const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#445566' } })
        .jpeg()
        .withXmp(xmp)
        .toBuffer();
      const res = await upload(jpeg, { alt: 'Barges' });
      expect(res.statusCode).toBe(201);
      expect((res.json() as { image: { credit: string; caption: string } }).image).toMatchObject({
        credit: 'AGENCY/Jonas Eklund',
        caption: 'Barges at Sarvel',
      });
    });

    it('refuses a file that is not a picture, whatever its name, and stores nothing', async () => {
      const before = await countImages(site.deps.db);
      const res = await upload(Buffer.from('<html>not a picture</html>'));
      expect(res.statusCode).toBe(415);
      expect((res.json() as { errors: { code: string }[] }).errors[0]!.code).toBe('UNSUPPORTED_IMAGE');
      expect(await countImages(site.deps.db)).toBe(before);
    });

    it('refuses a file over the size limit with a clear message, and stores nothing', async () => {
      const before = await countImages(site.deps.db);
      const res = await upload(Buffer.alloc(21 * 1024 * 1024, 7));
      expect(res.statusCode).toBe(413);
      expect((res.json() as { errors: { code: string; message: string }[] }).errors[0]).toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
      expect(await countImages(site.deps.db)).toBe(before);
    });

    it('refuses an upload without the CSRF token', async () => {
      const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer();
      const res = await upload(jpeg, {}, { cookie: headers.cookie! });
      expect(res.statusCode).toBe(403);
    });
  });
}
