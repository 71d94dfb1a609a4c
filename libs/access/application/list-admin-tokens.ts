import type { AdminToken } from '../domain/admin-token.js';
import { AdminTokenRepository } from './access-ports.js';

/** Lists admin tokens, revoked ones included, newest first; never their secrets. */
export class ListAdminTokens {
  constructor(private readonly tokens: AdminTokenRepository) {}

  execute(): Promise<AdminToken[]> {
    return this.tokens.list();
  }
}
