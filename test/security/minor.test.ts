import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Rig, startRig } from './rig.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ metricsToken: TOKEN, metricsAllow: ['192.0.2.0/28'] }, { metrics: true });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('refuses a scraper without the token from outside the allowlist', async () => {
    const outsider = rig.client('198.51.100.80');
    const answer = await outsider.get('/metrics');
    expect(answer.status).toBe(401);
    expect(await answer.text()).not.toContain('newsloom_');
    expect((await outsider.get('/metrics', { authorization: 'Bearer wrong-token' })).status).toBe(401);
  });

  it('serves the token holder and the allowlisted address', async () => {
    const withToken = await rig.client('198.51.100.81').get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('# TYPE');
    expect((await rig.client('192.0.2.5').get('/metrics')).status).toBe(200);
  });
});

describe('sign-in back-off and the signed-in profile page', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ signInPerMinute: 100 });
    await rig.signedIn('victim@example.test', 'reader', '198.51.100.90');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('does not let a third party lock a reader out by failing sign-ins to their address', async () => {
    for (let i = 0; i < 3; i++) {
      const attacker = rig.client(`203.0.113.${10 + i}`);
      // Each failure past the fifth doubles the wait, so the attacker's own address is soon held back.
      let status = 0;
      for (let attempt = 0; attempt < 12 && status !== 429; attempt++)
        status = (await attacker.post('/sign-in', { email: 'victim@example.test', password: 'guess' }))
          .status;
      expect(status).toBe(429);
    }
    const victim = rig.client('198.51.100.91');
    const answer = await victim.post('/sign-in', { email: 'victim@example.test', password: PASSWORD });
    expect(answer.status).toBe(303);
  });

  it('marks /profile private and never stored', async () => {
    const { client } = await rig.signedIn('profile@example.test', 'reader', '198.51.100.92');
    const page = await client.get('/profile');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
  });
});
