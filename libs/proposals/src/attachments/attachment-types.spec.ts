import { ALLOWED_TYPES, sniffedType } from './attachment-types';

describe('sniffedType', () => {
  it('recognizes a PDF from its content', async () => {
    const t = await sniffedType(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'));
    expect(t?.mime).toBe('application/pdf');
    expect(ALLOWED_TYPES.has(t!.mime)).toBe(true);
  });

  it('recognizes PNG and refuses a script renamed as a PDF', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await sniffedType(png))?.mime).toBe('image/png');
    expect(await sniffedType(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull();
  });

  it('refuses types outside the list even when recognized (an executable)', async () => {
    const exe = Buffer.concat([Buffer.from('4d5a', 'hex'), Buffer.alloc(200)]);
    const t = await sniffedType(exe);
    expect(t === null || !ALLOWED_TYPES.has(t.mime)).toBe(true);
  });
});
