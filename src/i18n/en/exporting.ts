/** The English strings of the `exporting` namespace (src/i18n/exporting.ts). */
const en = {
  menuLabel: 'Export the current view',
  png: 'PNG image',
  pngHint: '1920 pixels wide, for slides',
  webm: 'WebM animation…',
  webmHint: 'A few steps as a video',
  noRecorder: 'Not available: this browser cannot record video (no MediaRecorder).',
  noWebm: 'Not available: this browser cannot record WebM video.',
  noSteps: 'Not available: this view has no steps to animate.',
  busy: 'Exporting…',
  renderingPng: 'Drawing the PNG…',
  savedPng: (name: string, width: number, height: number) => `Saved ${name} (${width} × ${height} pixels).`,
  failed: (why: string) => `The export failed: ${why}`,
  noView: 'There is no view to export.',
  // The recording dialog.
  dialogTitle: 'Record a WebM animation',
  dialogIntro:
    'The view moves on one step per frame, from the step on screen, and goes back to that step afterwards.',
  fps: 'Frames per second',
  steps: 'Steps (one frame each)',
  area: 'Area',
  areaVisible: 'What is on screen',
  areaWhole: 'The whole view, scaled to fit',
  invalid: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
  summary: (frames: number, fps: number, seconds: string, width: number, height: number) =>
    `${frames} frames at ${fps} per second: ${seconds} s of video, ${width} × ${height} pixels.`,
  record: 'Record',
  cancel: 'Cancel',
  close: 'Close',
  progressLabel: 'Recording progress',
  capturing: (done: number, total: number) => `Drawing step ${done} of ${total}…`,
  encoding: (done: number, total: number) => `Recording frame ${done} of ${total}…`,
  savedWebm: (name: string, frames: number, seconds: string, width: number, height: number, size: string) =>
    `Saved ${name}: ${frames} frames, ${seconds} s, ${width} × ${height} pixels, ${size}.`,
  stoppedEarly: (frames: number) => `The view reached its last step after ${frames} frames.`,
  tooShort: 'The view did not move past the step on screen: there is nothing to animate. Go back a few steps and record again.',
  cancelled: 'Recording cancelled; the view is back at its step.',
};

export default en;
