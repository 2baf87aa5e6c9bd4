/**
 * The module graph's rules (GUIDE.md): imports point one way, main/app → modules → platform;
 * modules reach each other only through their index.ts or *.events.ts; no cycles anywhere.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot change apart; break it with an event.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment: 'platform/ holds technology adapters with no business rules; it never imports modules/.',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'platform-and-modules-not-to-app',
      severity: 'error',
      comment: 'Only main/app/container compose; nothing below them imports them back.',
      from: { path: '^src/(platform|modules)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(app|container|main)\\.ts$' },
    },
    {
      name: 'modules-through-their-public-surface',
      severity: 'error',
      comment: "A module uses another only through that module's index.ts or *.events.ts.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|testing|[^/]+\\.events)\\.ts$'] },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '\\.contract\\.ts$', '(^|/)testing\\.ts$'] },
      to: { path: ['\\.test\\.ts$', '\\.contract\\.ts$', '(^|/)testing\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
