// Reads a PDF on standard input and prints its text and info dictionary as JSON (pdf-parse, that is pdf.js).
// A separate Node process: pdf.js starts its worker with a dynamic import(), which jest's module system refuses.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, info: info.info ?? {} }));
  } catch (error) {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exitCode = 1;
  } finally {
    await parser.destroy();
  }
});
