import { useState, type ReactNode } from 'react';
import type { GameDayExportFormat } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

const FILES: Record<GameDayExportFormat, { label: string; extension: string; type: string }> = {
  markdown: { label: 'Export Markdown', extension: 'md', type: 'text/markdown' },
  json: { label: 'Export JSON', extension: 'json', type: 'application/json' },
};

/** Downloads the run's export for the post-mortem (the service writes it; the token never goes in a URL). */
export function ExportButtons({ runId, name }: { runId: string; name: string }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [error, setError] = useState<Error>();

  const download = async (format: GameDayExportFormat): Promise<void> => {
    try {
      const text = await api.exportGameDay(project, env, runId, format);
      const file = FILES[format];
      const url = URL.createObjectURL(new Blob([text], { type: file.type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `game-day-${slug(name) || runId}.${file.extension}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  };

  return (
    <div className="actions export-buttons">
      {(Object.keys(FILES) as GameDayExportFormat[]).map((format) => (
        <button key={format} type="button" onClick={() => void download(format)}>
          {FILES[format].label}
        </button>
      ))}
      <ErrorBanner error={error} />
    </div>
  );
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
