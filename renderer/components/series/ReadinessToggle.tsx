interface Props {
  seriesName: string;
  isReady: boolean;
  onChange: (isReady: boolean) => void;
  /** Shown beside the box: the list has no room for it, the editor does. */
  hasHint?: boolean;
}

/** "Not ready": keeps a series out of every sync until the planner unticks it. */
export function ReadinessToggle({ seriesName, isReady, onChange, hasHint = false }: Props) {
  return (
    <label className="check readiness">
      <input
        type="checkbox"
        aria-label={`Not ready: keep "${seriesName}" out of syncs`}
        checked={!isReady}
        onChange={(event) => onChange(!event.target.checked)}
      />
      <span>
        Not ready
        {hasHint ? (
          <span className="muted"> — its changes wait here; syncs leave it out until you untick this</span>
        ) : null}
      </span>
    </label>
  );
}
