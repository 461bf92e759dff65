// Lint rules `npm test` runs after the build: typescript-eslint's recommended set over the source, scripts,
// bench and tests. The compiler (strict, noUncheckedIndexedAccess) already covers types; this catches the rest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Finding and escaping control characters in hostile live data is part of this tool's job.
      'no-control-regex': 'off',
      // Unused names are compile errors already (noUnusedLocals); a leading underscore marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
