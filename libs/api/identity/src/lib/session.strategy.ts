import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import type { IdentifiedRequest } from './http-request';
import { SESSION_COOKIE, SessionService } from './session.service';
import type { Viewer } from './viewer';

/** Passport strategy `session`: the viewer behind the session cookie, or none. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(request: IdentifiedRequest): Promise<Viewer | null> {
    const token = request.cookies?.[SESSION_COOKIE];
    return token ? this.sessions.resolve(token) : null;
  }
}
