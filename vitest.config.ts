import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start the bot and a fake Discord; the machines are small and shared.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
