// Unit tests of the web app's logic and components, in jsdom (`npm test`).
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  // A dialog test clicks through Ant Design in jsdom for a second or two; on two shared cores under
  // the rest of the suite that can pass 5 s: the limit is a guard against a hang, not a speed test.
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      testTimeout: 15_000,
    },
  }),
);
