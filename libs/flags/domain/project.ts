/** A product or team's set of flags, segments and environments. */
export interface Project {
  id: string;
  key: string;
  name: string;
  createdAt: string;
}

/** A deployment stage of a project, with its own flag configs and one version bumped by every change. */
export interface Environment {
  id: string;
  projectId: string;
  key: string;
  name: string;
  version: number;
  /** A config write here needs a reason (issue 13); admins change it, audited. */
  protected: boolean;
  createdAt: string;
}
