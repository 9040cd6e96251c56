import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { createChangeEventsMiddleware } from './changeEvents';

/** Waits for 'finish' handlers, which run after supertest has its answer. */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('createChangeEventsMiddleware', () => {
  const events = { publish: jest.fn(async () => {}) };
  const logger = mockServices.logger.mock();
  const onChange = jest.fn();

  function app() {
    const router = Router();
    router.use(createChangeEventsMiddleware({ events, logger, onChange }));
    router.use(express.json());
    router.get('/projects', (_req, res) => {
      res.json({ items: [] });
    });
    router.post('/projects', (_req, res) => {
      res.status(201).json({ id: 'p1' });
    });
    router.patch('/projects/:id', (req, res) => {
      if (req.body.name === 'taken') {
        throw new ConflictError('name is taken');
      }
      if (typeof req.body.name !== 'string') {
        throw new InputError('body.name: expected string');
      }
      res.json({ id: req.params.id });
    });
    router.delete('/projects/:id', (_req, res) => {
      res.status(204).end();
    });
    router.post('/projects/:id/models/:m/predict', (_req, res) => {
      res.json({ success: true });
    });
    router.post('/model', (_req, res) => {
      res.json({ success: true });
    });
    router.post('/workload-api/v1/metrics', (_req, res) => {
      res.status(204).end();
    });
    const outer = express();
    // Mounted like the plugin's router: paths are relative to /api/ml.
    outer.use('/api/ml', router);
    outer.use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(error.name === 'ConflictError' ? 409 : 400).json({
          error: { name: error.name, message: error.message },
        });
      },
    );
    return outer;
  }

  beforeEach(() => {
    events.publish.mockClear();
    logger.warn.mockClear();
    onChange.mockClear();
  });

  it('publishes each successful write with its method and path under the API', async () => {
    const server = app();
    await request(server).post('/api/ml/projects').send({}).expect(201);
    await request(server)
      .patch('/api/ml/projects/p1?x=1')
      .send({ name: 'churn' })
      .expect(200);
    await request(server).delete('/api/ml/projects/p1').expect(204);
    await settle();
    expect(events.publish.mock.calls).toEqual([
      [
        {
          topic: 'ml.changes',
          eventPayload: { method: 'POST', path: '/projects' },
        },
      ],
      [
        {
          topic: 'ml.changes',
          eventPayload: { method: 'PATCH', path: '/projects/p1' },
        },
      ],
      [
        {
          topic: 'ml.changes',
          eventPayload: { method: 'DELETE', path: '/projects/p1' },
        },
      ],
    ]);
    expect(onChange.mock.calls).toEqual(
      (events.publish.mock.calls as any[][]).map(([event]) => [
        event.eventPayload,
      ]),
    );
  });

  it('publishes nothing for reads, failed writes and unknown routes', async () => {
    const server = app();
    await request(server).get('/api/ml/projects').expect(200);
    await request(server)
      .patch('/api/ml/projects/p1')
      .send({ name: 'taken' })
      .expect(409);
    await request(server)
      .patch('/api/ml/projects/p1')
      .send({ name: 7 })
      .expect(400);
    await request(server).post('/api/ml/nothing-here').send({}).expect(404);
    await settle();
    expect(events.publish).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('publishes nothing for prediction and workload traffic', async () => {
    const server = app();
    await request(server)
      .post('/api/ml/projects/p1/models/m1/predict')
      .send({})
      .expect(200);
    await request(server).post('/api/ml/model').send({}).expect(200);
    await request(server)
      .post('/api/ml/workload-api/v1/metrics')
      .send({})
      .expect(204);
    await settle();
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('logs a failed publish; the caller still gets its answer', async () => {
    events.publish.mockRejectedValueOnce(new Error('bus down'));
    await request(app()).post('/api/ml/projects').send({}).expect(201);
    await settle();
    await settle();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Could not announce POST \/projects on ml\.changes: Error: bus down/,
      ),
    );
  });
});
