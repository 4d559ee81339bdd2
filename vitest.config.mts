import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    // Renderer unit tests opt into happy-dom with a `// @vitest-environment happy-dom` line.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
