import { startTestApi } from './testing/test-api';

// The browsable API maps every route for any visitor: served in demo mode, in production only when asked.
describe('the API documentation', () => {
  it('is served in demo mode', async () => {
    const demo = await startTestApi();
    try {
      const answer = await fetch(`${demo.baseUrl}/api/docs-json`);
      expect(answer.status).toBe(200);
      // Refusals are documented: the error body with its code (every code of REFUSALS) and parameters.
      const document = await answer.json();
      expect(document.components.schemas.ErrorBody.properties.code.enum).toEqual(
        expect.arrayContaining(['mission.not-found', 'request.invalid-fields', 'track-records.cell-missing']),
      );
      expect(Object.keys(document.components.schemas.ErrorBody.properties)).toEqual(expect.arrayContaining(['code', 'params', 'message', 'errors']));
      expect(document.paths['/api/health'].get.responses['503'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      expect(document.paths['/api/auth/sessions/{id}'].delete.responses['404'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ErrorBody',
      });
    } finally {
      await demo.close();
    }
  });

  it('is not served in production unless API_DOCS=true', async () => {
    const production = await startTestApi({ NODE_ENV: 'production' });
    try {
      for (const path of ['/api/docs', '/api/docs-json']) expect((await fetch(`${production.baseUrl}${path}`)).status).toBe(404);
      expect((await fetch(`${production.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await production.close();
    }
    const asked = await startTestApi({ NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      expect((await fetch(`${asked.baseUrl}/api/docs-json`)).status).toBe(200);
    } finally {
      await asked.close();
    }
  });
});
