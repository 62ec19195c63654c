import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from './clock';

type Stamped = Request & { receivedAt?: Date };

/**
 * Stamps every request with the server clock's time the moment it arrives, before any lock
 * or queue can delay it: deadlines are judged against when the server *received* a request.
 */
export function receivedAtMiddleware(clock: Clock) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    (req as Stamped).receivedAt = clock.now();
    next();
  };
}

/** The instant the server received this request (see receivedAtMiddleware). */
export const ReceivedAt = createParamDecorator((_: unknown, ctx: ExecutionContext): Date => {
  const req = ctx.switchToHttp().getRequest<Stamped>();
  if (!req.receivedAt) throw new Error('receivedAtMiddleware is not installed');
  return req.receivedAt;
});
