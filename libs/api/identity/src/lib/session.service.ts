import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, prepared } from '@bt/api/core';
import type { Role, SessionDto } from '@bt/contracts';
import { SECOND_FACTOR_ROLES } from './second-factor/second-factor-roles';
import { type SessionChange, SessionCache } from './session-cache';
import { Session } from './session.entity';
import type { Viewer } from './viewer';

export const SESSION_COOKIE = 'bt_session';

/**
 * A token's SHA-256 (sessions and sign-ins are stored by it). The tokens seen lately are remembered
 * with their hash, up to TOKEN_MEMO of them (all forgotten when full): every request with a session
 * cookie asks, and hashing was about 1.5% of the API's CPU per workflow transition (issue 20).
 */
export function hashToken(token: string): string {
  let hash = tokenHashes.get(token);
  if (hash === undefined) {
    hash = createHash('sha256').update(token).digest('hex');
    remember(tokenHashes, token, hash);
  }
  return hash;
}

/** How many tokens each memo of a pure function of a token (its hash, its XSRF token) keeps at most. */
export const TOKEN_MEMO = 10_000;
const tokenHashes = new Map<string, string>();

export function remember(memo: Map<string, string>, token: string, value: string): void {
  if (memo.size >= TOKEN_MEMO) memo.clear();
  memo.set(token, value);
}

/** What a viewer is made of (`u` the user): read when a session is not in the session cache (5 s, forgotten at any change). */
const VIEWER_COLUMNS = `u.id, u.email, u.display_name, u.organisation_id, o.country_code,
  coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
  coalesce(bool_or(r.role = 'ministry' AND r.coordinator), false) AS coordinator`;
const VIEWER_JOINS = `JOIN organisation o ON o.id = u.organisation_id LEFT JOIN role_assignment r ON r.user_id = u.id`;

/** A row of VIEWER_COLUMNS (and, for a session, whether its second factor is outstanding). */
interface ViewerRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  country_code: string | null;
  roles: Role[];
  coordinator: boolean;
  second_factor_outstanding?: boolean;
}

function viewerOfRow(row: ViewerRow, sessionTokenHash: string): Viewer {
  return {
    secondFactorOutstanding: row.second_factor_outstanding ?? false,
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    countryCode: row.country_code?.trim() ?? null,
    roles: new Set<Role>(row.roles),
    coordinator: row.coordinator,
    sessionTokenHash,
  };
}

interface SessionRow {
  id: string;
  current: boolean;
  method: string;
  second_factor: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** Server-side sessions: the cookie is a random token; the row decides (remembered for seconds by SessionCache, forgotten at any change). */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {}

  get idleMinutes(): number {
    return this.config.sessions.idleMinutes;
  }

  /** Starts a session inside the sign-in's transaction; returns the cookie's token. */
  async create(em: EntityManager, userId: string, method: 'password' | 'oidc', ip: string | null, userAgent: string | null, secondFactor: string | null) {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessions.maxHours * 3_600_000);
    await em.insert(Session, {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
      method,
      secondFactor,
    });
    return { token, expiresAt };
  }

  /**
   * The viewer behind a session token, or null when the session is unknown, idle too long, past its
   * lifetime, or its user is disabled. Remembered for a few seconds (SessionCache); every change of
   * roles, account, sessions or identity settings forgets it when it commits, so changes apply at
   * once — the identity settings' demand for a second factor (`secondFactorOutstanding`) too.
   */
  async resolve(token: string): Promise<(Viewer & { expiresAt: Date }) | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const readBegan = this.cache.readBegins();
    const [row] = await prepared(this.dataSource).query<ViewerRow & { last_seen_at: Date; expires_at: Date }>(
      `SELECT s.last_seen_at, s.expires_at, ${VIEWER_COLUMNS},
              s.second_factor IS NULL
                AND coalesce((SELECT (value->>'secondFactorRequired')::boolean FROM app_setting WHERE key = 'identity'), false)
                AND coalesce(bool_or(r.role = ANY($3::text[])), false) AS second_factor_outstanding
         FROM user_session s
         JOIN app_user u ON u.id = s.user_id AND u.disabled_at IS NULL ${VIEWER_JOINS}
        WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
        GROUP BY s.token_hash, u.id, o.country_code`,
      [tokenHash, this.config.sessions.idleMinutes, SECOND_FACTOR_ROLES],
    );
    if (!row) return null;
    let lastSeenAt = row.last_seen_at;
    // Keep the idle clock running without writing on every single request.
    if (Date.now() - lastSeenAt.getTime() > 30_000) {
      await this.dataSource.query('UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
      lastSeenAt = new Date();
    }
    const viewer = { ...viewerOfRow(row, tokenHash), expiresAt: row.expires_at };
    this.cache.remember(tokenHash, viewer, lastSeenAt, readBegan);
    return viewer;
  }

  /** Sessions to read afresh after a change of who their user is (roles, account, organisation, settings). */
  forget(em: EntityManager, change: SessionChange): Promise<void> {
    return this.cache.forget(em, change);
  }

  /**
   * The viewer an active user is, as a session would resolve it, for work done in a user's name
   * without a request (the demo seed's workflow steps); null for an unknown or disabled user.
   */
  async viewerOf(em: EntityManager, email: string): Promise<Viewer | null> {
    const [row] = await em.query<ViewerRow[]>(
      `SELECT ${VIEWER_COLUMNS} FROM app_user u ${VIEWER_JOINS} WHERE u.email = $1 AND u.disabled_at IS NULL GROUP BY u.id, o.country_code`,
      [email],
    );
    return row ? viewerOfRow(row, '') : null;
  }

  /**
   * Every active (not disabled) user as the viewer a session would resolve, for deciding who is told
   * of a change by the same rules the pages apply (libs/api/notifications).
   */
  async activeViewers(em: EntityManager): Promise<Viewer[]> {
    const users = await em.query<ViewerRow[]>(
      `SELECT ${VIEWER_COLUMNS} FROM app_user u ${VIEWER_JOINS} WHERE u.disabled_at IS NULL GROUP BY u.id, o.country_code`,
    );
    return users.map((row) => viewerOfRow(row, ''));
  }

  /** A user's live sessions, newest activity first; `current` marks the asking browser's. */
  async list(userId: string, currentTokenHash: string): Promise<SessionDto[]> {
    const sessions = await this.dataSource.query<SessionRow[]>(
      `SELECT id, token_hash = $2 AS current, method, second_factor, created_at, last_seen_at, expires_at, ip, user_agent
         FROM user_session WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $3)
        ORDER BY token_hash = $2 DESC, last_seen_at DESC`,
      [userId, currentTokenHash, this.config.sessions.idleMinutes],
    );
    return sessions.map((r) => ({
      id: r.id,
      current: r.current,
      method: r.method,
      secondFactor: r.second_factor,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
    }));
  }

  /** Ends one of a user's sessions by its id; false when the user has no such session. */
  async endById(em: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const [, affected] = await em.query('DELETE FROM user_session WHERE user_id = $1 AND id = $2', [userId, sessionId]);
    await this.cache.forget(em, { user: userId });
    return affected === 1;
  }

  async end(em: EntityManager, tokenHash: string): Promise<void> {
    await em.delete(Session, { tokenHash });
    await this.cache.forget(em, { session: tokenHash });
  }

  /** Ends every session of a user (disabled, password reset, "sign out everywhere"), except one if given. */
  async endAllOf(em: EntityManager, userId: string, except?: string): Promise<number> {
    const qb = em.createQueryBuilder().delete().from(Session).where('user_id = :userId', { userId });
    if (except) qb.andWhere('token_hash <> :except', { except });
    const ended = (await qb.execute()).affected ?? 0;
    await this.cache.forget(em, { user: userId });
    return ended;
  }
}
