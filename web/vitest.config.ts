// Unit tests of the web app's logic and components, in jsdom (`npm test`).
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({ test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] } }),
);
