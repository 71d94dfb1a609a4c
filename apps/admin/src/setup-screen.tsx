import { useState, type FormEvent, type ReactNode } from 'react';
import type { AdminApi } from './api/admin-api.js';
import { ApiError, type FieldError } from './api/api-error.js';
import type { Identity } from './api/types.js';
import type { Route } from './routing/route.js';
import { ErrorBanner, FieldMessages } from './ui/messages.js';

interface SetupScreenProps {
  api: AdminApi;
  identity: Identity;
  /** The project that exists but has no environment yet, if any. */
  project?: string;
  onDone: (created?: Route) => void;
}

/** First run: create a project, or an environment for a project that has none (admins; others are told to ask one). */
export function SetupScreen({ api, identity, project, onDone }: SetupScreenProps): ReactNode {
  const [key, setKey] = useState(project ? 'production' : '');
  const [name, setName] = useState(project ? 'Production' : '');
  const [error, setError] = useState<Error>();
  const fields: FieldError[] = error instanceof ApiError ? error.fields : [];
  const what = project ? 'environment' : 'project';

  // Only admins create projects and environments: anyone else is told whom to ask, not shown a form that fails.
  if (identity.role !== 'admin') {
    return (
      <p className="card" role="status">
        {project ? `${project} has no environment yet.` : 'There is no project yet.'} Ask an admin to create one.
      </p>
    );
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      if (project) {
        await api.createEnvironment(project, { key, name: name || key });
        onDone({ screen: 'flags', project, env: key });
      } else {
        await api.createProject({ key, name: name || key });
        onDone({ screen: 'home', project: key });
      }
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>Create {project ? `an environment for ${project}` : 'your first project'}</h1>
      <ErrorBanner error={error} />
      <label htmlFor="setup-key">Key</label>
      <input
        id="setup-key"
        value={key}
        required
        pattern="[a-z0-9][a-z0-9_.\-]*"
        onChange={(event) => setKey(event.target.value)}
      />
      <FieldMessages fields={fields} path="key" />
      <label htmlFor="setup-name">Name</label>
      <input id="setup-name" value={name} onChange={(event) => setName(event.target.value)} />
      <FieldMessages fields={fields} path="name" />
      <button type="submit" className="button-primary">
        Create {what}
      </button>
    </form>
  );
}
