import githubAppJwt from "universal-github-app-jwt";

/**
 * The app's JWT, signed once and reused for a minute (`createJwt` of `@octokit/auth-app`).
 * Left to itself, auth-app signs a new JWT for every installation token, twice (the token
 * request passes the auth hook again): an RSA key import and signature each, the largest
 * CPU cost of a sweep job at scale (bench:scale). GitHub accepts a JWT until its `exp`,
 * ten minutes after it was issued, for any installation, so one signature a minute
 * serves them all with nine minutes to spare. A clock-skew retry asks with a
 * `timeDifference`: that JWT is signed for it (and kept while the skew stays the same).
 */
export type CreateJwt = (
  appId: string | number,
  timeDifference?: number,
) => Promise<{ jwt: string; expiresAt: string }>;

/** How long one signature is reused. */
export const JWT_REUSE_MS = 60_000;

export function reusedAppJwt(privateKey: string, now: () => number = Date.now): CreateJwt {
  let last: { key: string; signedAt: number; jwt: Promise<{ jwt: string; expiresAt: string }> } | null = null;
  return (appId, timeDifference = 0) => {
    const key = `${appId}\0${timeDifference}`;
    const at = now();
    if (last && last.key === key && at - last.signedAt < JWT_REUSE_MS) return last.jwt;
    // The promise is kept, so the installations asking at once share one signature.
    const jwt = githubAppJwt({ id: appId, privateKey, now: Math.floor(at / 1000) + timeDifference }).then(
      ({ token, expiration }) => ({ jwt: token, expiresAt: new Date(expiration * 1000).toISOString() }),
    );
    const entry = { key, signedAt: at, jwt };
    last = entry;
    // A failed signature is not kept: the next request tries again.
    jwt.catch(() => {
      if (last === entry) last = null;
    });
    return jwt;
  };
}
