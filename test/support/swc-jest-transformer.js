// @swc/jest with the Nest CLI's decorator settings, plus import.meta.url for CommonJS
// (some ESM-only dependencies use it, see STACK-NOTES).
const { createTransformer } = require('@swc/jest');

const inner = createTransformer({
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic' },
    },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

module.exports = {
  process(src, filename, options) {
    const source = src.includes('import.meta.url') ? src.replace(/import\.meta\.url/g, '("file://" + __filename)') : src;
    return inner.process(source, filename, options);
  },
  getCacheKey(src, filename, ...rest) {
    return inner.getCacheKey(src, filename, ...rest) + ':meta1';
  },
};
