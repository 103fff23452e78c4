interface Props {
  seriesName: string;
  isReady: boolean;
  onChange: (isReady: boolean) => void;
  /** Shown beside the box: the list has no room for it, the editor does. */
  hasHint?: boolean;
  /** A replaced series stays as it was: its box is shown, not changed. */
  isDisabled?: boolean;
}

/** "Not ready": keeps a series out of every sync until the planner unticks it. */
export function ReadinessToggle({ seriesName, isReady, onChange, hasHint = false, isDisabled = false }: Props) {
  return (
    <label className="check readiness">
      <input
        type="checkbox"
        aria-label={`Not ready: keep "${seriesName}" out of syncs`}
        checked={!isReady}
        disabled={isDisabled}
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
