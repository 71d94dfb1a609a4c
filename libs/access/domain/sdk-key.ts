/** An SDK key as listed: bound to one environment; never the secret, only its hint. */
export interface SdkKey {
  id: string;
  name: string;
  projectId: string;
  environmentId: string;
  hint: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A new SDK key with its secret, which is shown this once. */
export interface IssuedSdkKey extends SdkKey {
  key: string;
}

/** What an SDK route learns about the key that called it. */
export interface SdkKeyPrincipal {
  id: string;
  environmentId: string;
  projectId: string;
}
