// Lets plain `node` run a TypeScript script (the repo has no tsx/ts-node): compiles each .ts file on require with
// @swc/core, to CommonJS, with the same settings as the jest transformer. Usage:
//   node -r ./scripts/bench/swc-register.cjs scripts/bench/assignment.ts
const { transformSync } = require('@swc/core');
const fs = require('node:fs');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
