import { type Config, configSchema } from '../src/config/config.js';

/** A config for tests: fixed secret, trusted X-Forwarded-For so each test client has its own address. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return configSchema.parse({
    dataDir: '/nonexistent',
    authSecret: 'test-secret-test-secret-test-secret-42',
    trustProxy: true,
    ...overrides,
  });
}
