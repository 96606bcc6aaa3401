import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A single-sign-on round trip in progress: the secrets the provider's answer is checked against,
 * kept on the server and bound to the browser by the `bt_oidc` cookie, which holds the id.
 * Valid for ten minutes; deleted when the callback consumes it.
 */
@Entity('oidc_flow')
export class OidcFlow {
  /** A random token: the value of the browser's `bt_oidc` cookie. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'text' })
  nonce!: string;

  /** PKCE: the provider gets only its S256 challenge. */
  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier!: string;

  /** Where the browser goes after signing in: a path of this site. */
  @Column({ name: 'return_to', type: 'text' })
  returnTo!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
