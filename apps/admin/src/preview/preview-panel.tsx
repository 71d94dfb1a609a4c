import { useState, type FormEvent, type ReactNode } from 'react';
import type { EvaluationContext } from '@switchyard/evaluation';
import { ApiError } from '../api/api-error.js';
import type { Evaluation } from '../api/types.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

/** "Evaluate this flag for this context": value, variant, reason and matching rule, by the service's engine. */
export function PreviewPanel({ flagKey }: { flagKey: string }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [text, setText] = useState('{\n  "key": "user-1",\n  "country": "FR"\n}');
  const [result, setResult] = useState<Evaluation>();
  const [error, setError] = useState<Error>();

  const evaluate = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    let context: EvaluationContext;
    try {
      context = JSON.parse(text) as EvaluationContext;
    } catch {
      // The previous answer was for another context: it must not sit under an error as if it were this one's.
      setResult(undefined);
      setError(
        new ApiError(400, 'VALIDATION_FAILED', 'The context is not valid JSON.', [
          { path: 'context', message: 'Write a JSON object such as { "key": "user-1" }.' },
        ]),
      );
      return;
    }
    try {
      setResult(await api.evaluate(project, env, flagKey, context));
      setError(undefined);
    } catch (caught) {
      setResult(undefined);
      setError(caught as Error);
    }
  };

  return (
    <form className="card preview" onSubmit={evaluate} aria-label="Preview">
      <label htmlFor="preview-context">Context (JSON: a key plus attributes)</label>
      <textarea
        id="preview-context"
        className="mono"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <FieldMessages fields={error instanceof ApiError ? error.fields : []} path="context" />
      <button type="submit" className="button-primary">
        Evaluate in {env}
      </button>
      <ErrorBanner error={error} />
      {result && (
        <dl className="result" aria-live="polite">
          <dt>Value</dt>
          <dd>
            <code data-testid="preview-value">{JSON.stringify(result.value)}</code>
          </dd>
          <dt>Variant</dt>
          <dd>{result.variant ?? '—'}</dd>
          <dt>Reason</dt>
          <dd data-testid="preview-reason">
            {result.reason}
            {result.errorCode ? ` (${result.errorCode})` : ''}
          </dd>
          {result.ruleId && (
            <>
              <dt>Rule</dt>
              <dd>{result.ruleId}</dd>
            </>
          )}
          {result.errorMessage && (
            <>
              <dt>Detail</dt>
              <dd>{result.errorMessage}</dd>
            </>
          )}
        </dl>
      )}
    </form>
  );
}
