import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUploadLoop } from '../../../../main/checkin/upload/uploadLoop';
import type { CheckInUploadReport } from '../../../../shared/checkin/checkIn';

const report: CheckInUploadReport = {
  outcome: 'uploaded',
  uploaded: 1,
  alreadyOnZoom: 0,
  refusals: [],
  waiting: 0,
  requests: 3,
  readBackRequests: 1,
  message: 'Uploaded 1 check-in.',
};

let isEnabled: boolean;
let isOnline: boolean;
let hasWork: boolean;
let isRunning: boolean;
let now: number;
const uploader = {
  upload: vi.fn(() => Promise.resolve(report)),
  readBack: vi.fn(() => Promise.resolve(report)),
  hasWork: () => hasWork,
  isRunning: () => isRunning,
};

function loop() {
  return createUploadLoop({
    uploader,
    isEnabled: () => isEnabled,
    isOnline: () => isOnline,
    now: () => now,
  });
}

beforeEach(() => {
  isEnabled = true;
  isOnline = true;
  hasWork = true;
  isRunning = false;
  now = 0;
  uploader.upload.mockClear();
  uploader.readBack.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the background check-in upload', () => {
  it('uploads every 5 s while Zoom answers and the desk has it on', async () => {
    vi.useFakeTimers();
    const running = loop();
    running.start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(uploader.upload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(uploader.upload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(uploader.upload).toHaveBeenCalledTimes(3);
    running.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(uploader.upload).toHaveBeenCalledTimes(3);
  });

  it('sends nothing offline, with the setting off, or while another upload runs', async () => {
    const running = loop();
    isOnline = false;
    await running.tick();
    isOnline = true;
    isEnabled = false;
    await running.tick();
    isEnabled = true;
    isRunning = true;
    await running.tick();
    expect(uploader.upload).not.toHaveBeenCalled();
    expect(uploader.readBack).not.toHaveBeenCalled();
  });

  it("with nothing to send, reads the other desks' check-ins every 30 s", async () => {
    const running = loop();
    hasWork = false;
    await running.tick();
    now = 29_999;
    await running.tick();
    expect(uploader.readBack).toHaveBeenCalledTimes(1);
    now = 30_000;
    await running.tick();
    expect(uploader.readBack).toHaveBeenCalledTimes(2);
    expect(uploader.upload).not.toHaveBeenCalled();
  });

  it('after a failed upload tells whoever listens once, and tries again a minute later', async () => {
    const onError = vi.fn();
    uploader.upload.mockRejectedValueOnce(new Error('Cadence is not connected to Zoom.'));
    const running = createUploadLoop({
      uploader,
      isEnabled: () => true,
      isOnline: () => true,
      now: () => now,
      onError,
    });
    await running.tick();
    now = 59_999;
    await running.tick();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(uploader.upload).toHaveBeenCalledTimes(1);
    now = 60_000;
    await running.tick();
    expect(uploader.upload).toHaveBeenCalledTimes(2);
  });
});
