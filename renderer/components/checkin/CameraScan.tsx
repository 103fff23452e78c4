import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { createQrReader } from '../../lib/qrReader';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { Icon } from '../Icon';

/** How often a video frame is read: often enough to feel instant, rarely enough to leave the desk responsive. */
const readEveryMs = 150;

/** Camera problems in the staffer's words. */
function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'Cadence may not use the camera. Allow it, or type or scan the ticket ID.';
  if (name === 'NotFoundError') return 'No camera was found on this laptop.';
  return 'The camera could not be started. Type or scan the ticket ID instead.';
}

/** "Scan with camera": reads the QR code on a person's ticket with the laptop's webcam, and checks them in. */
export function CameraScan() {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button-quiet camera-button"
        aria-pressed={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        <Icon name="camera" />
        {isOpen ? 'Stop camera' : 'Scan with camera'}
      </button>
      {isOpen && <CameraView onRead={() => setIsOpen(false)} />}
    </>
  );
}

function CameraView({ onRead }: { onRead: () => void }) {
  const api = useAppStore((state) => state.api);
  const record = useCheckInStore((state) => state.record);
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  // The camera starts once per opening, whatever re-renders the desk around it.
  const onReadOnce = useEffectEvent(onRead);

  useEffect(() => {
    const camera = { isStopped: false };
    // Read afresh after each wait: the camera may have been closed meanwhile.
    const isStopped = () => camera.isStopped;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
        const reader = await createQrReader();
        const element = video.current;
        if (camera.isStopped || element === null) return;
        element.srcObject = stream;
        await element.play();
        const tick = async () => {
          if (camera.isStopped) return;
          const texts = element.readyState >= 2 ? await reader.read(element) : [];
          const text = texts[0];
          if (text !== undefined && api !== undefined && !isStopped()) {
            onReadOnce();
            await record(api, { kind: 'scan', text });
            return;
          }
          timer = window.setTimeout(() => void tick(), readEveryMs);
        };
        void tick();
      } catch (error) {
        if (!camera.isStopped) setProblem(cameraProblem(error));
      }
    };
    void start();
    return () => {
      camera.isStopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [api, record]);

  return (
    <div className="camera-view">
      {problem === undefined ? (
        <>
          <video ref={video} muted playsInline aria-label="Camera picture" />
          <p className="muted" role="status">
            Hold the ticket's QR code up to the camera.
          </p>
        </>
      ) : (
        <p className="banner danger" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
