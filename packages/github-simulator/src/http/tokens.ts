import { randomBytes } from "node:crypto";

/** Installation tokens the simulator issued, and the installation each acts for. */
export class TokenRegistry {
  private readonly installationTokens = new Map<string, number>();

  issue(installationId: number): string {
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    this.installationTokens.set(token, installationId);
    return token;
  }

  installationFor(token: string): number | null {
    return this.installationTokens.get(token) ?? null;
  }
}

export const USER_TOKEN_PREFIX = "sim_user_";

export function userToken(login: string): string {
  return `${USER_TOKEN_PREFIX}${login}`;
}
