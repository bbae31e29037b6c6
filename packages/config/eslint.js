// The ESLint settings every package lints with (typed rules, so each package passes its own folder
// and its tsconfig.json is found beside each file). Frontends add the React hooks and accessibility
// rules. A rule switched off here says why on its line.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Written by tools, never by hand: linting them would only report the generators' style. */
export const generatedFiles = [
  '**/dist/**',
  '**/node_modules/**',
  '**/src/gql/**',
  '**/*.generated.ts',
  '**/src/migrations/Migration*.ts',
  '**/__snapshots__/**',
  '**/coverage/**',
  '**/test-results/**',
];

/**
 * @param {{ dir: string, react?: boolean }} options `dir` is the package folder (import.meta.dirname);
 *   `react` adds the hooks and accessibility rules for browser code.
 */
export function waymarkEslint({ dir, react = false }) {
  return tseslint.config(
    { ignores: generatedFiles },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        globals: react ? { ...globals.browser } : { ...globals.node },
        parserOptions: {
          projectService: true,
          tsconfigRootDir: dir,
          // type-graphql and MikroORM read decorator metadata: an import used only in a decorated
          // signature is still needed at run time, and consistent-type-imports must know it.
          experimentalDecorators: !react,
          emitDecoratorMetadata: !react,
        },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/await-thenable': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-import-type-side-effects': 'error',
        // `x!` after a lookup the code has just checked or seeded is the codebase's idiom, mostly in tests.
        '@typescript-eslint/no-non-null-assertion': 'off',
        // Numbers and dates in messages and SQL labels are deliberate; the rule only adds String() noise.
        '@typescript-eslint/restrict-template-expressions': 'off',
        // `onClick={() => setOpen(false)}` shorthand is how React handlers are written here.
        '@typescript-eslint/no-confusing-void-expression': 'off',
        // Values from GraphQL, JSON and the database are checked at run time even where types say they cannot be null.
        '@typescript-eslint/no-unnecessary-condition': 'off',
        // MikroORM entities and type-graphql inputs are classes built from plain objects by design.
        '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
        // Resolvers and service methods stay async to keep one calling convention, awaiting or not.
        '@typescript-eslint/require-await': 'off',
        // A type parameter used once documents what a generic helper returns to its caller.
        '@typescript-eslint/no-unnecessary-type-parameters': 'off',
        // A lookup in a record may be undefined (noUncheckedIndexedAccess is off) and answers from other services are
        // untrusted, so `x !== false` and `x === true` mean something its autofix would silently change.
        '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
        // Number()/String() around raw SQL and JSON values is deliberate: drivers hand back counts as text whatever the declared type says.
        '@typescript-eslint/no-unnecessary-type-conversion': 'off',
        // Answers are plain objects built by spreading result classes; nothing reads their prototype.
        '@typescript-eslint/no-misused-spread': 'off',
        // GraphQL enums and AST kinds arrive as their string values and are compared with the TypeScript enum on purpose.
        '@typescript-eslint/no-unsafe-enum-comparison': 'off',
        '@typescript-eslint/no-unsafe-enum-assignment': 'off',
        // Generated typed documents are strings at run time behind a typed interface.
        '@typescript-eslint/no-base-to-string': [
          'error',
          { ignoredTypeNames: ['TypedDocument', 'TypedDocumentString', 'DocumentTypeDecoration', 'SubgraphDocument'] },
        ],
      },
    },
    {
      // Tests read GraphQL answers as untyped JSON and assert on their shape.
      files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**'],
      rules: {
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
      },
    },
    {
      // Tool configs at a package's root sit outside its tsconfig.json (and import untyped JS config): lint them untyped.
      files: ['*.js', '*.cjs', '*.mjs', '*.d.ts', '*.config.ts', 'codegen.ts'],
      ...tseslint.configs.disableTypeChecked,
    },
    {
      // CommonJS loaders (graphql-codegen requires them) can only require().
      files: ['**/*.cjs'],
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    ...(react
      ? [
          jsxA11y.flatConfigs.recommended,
          {
            plugins: { 'react-hooks': reactHooks },
            rules: {
              'react-hooks/rules-of-hooks': 'error',
              'react-hooks/exhaustive-deps': 'error',
            },
          },
        ]
      : []),
  );
}
