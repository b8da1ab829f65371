import { useCallback, useEffect, useMemo, useState } from 'react';
import { localized } from '../i18n/localized';
import { getAppStore, useAppStore, selectRejection, selectLang, type AppState } from '../state/store';
import {
  ARCH_LIMITS,
  archLayers,
  archPytorch,
  archTotals,
  setArchBlock,
  setArchBlocks,
  setArchClasses,
  setArchFcCount,
  setArchFcWidth,
  setArchInput,
  setArchPool,
  setArchSeed,
  setArchSource,
  type ArchConfig,
  type ArchResult,
} from '../state/views/arch';
import { PresentSteppers } from '../components/PresentSteppers';
import { CopyButton } from '../components/CopyButton';
import { MAX_UPLOAD_BYTES, SAMPLES, decodeImage, imageToPixels, loadSample, type SampleName } from '../io/image';
import { formatCount } from '../viz/format';
import { useT } from '../i18n/useT';
import { arch } from '../i18n/arch';
import { common } from '../i18n/common';
import { localizeCode, sampleName, uploadErrorText } from './arch/text';
import { forwardArch, type ArchPixels } from './arch/model';
import { ArchControls, type ArchActions } from './arch/ArchControls';
import { ArchDiagram } from './arch/ArchDiagram';
import { ArchTable } from './arch/ArchTable';
import { ArchScores } from './arch/ArchScores';
import { FeatureMaps } from './arch/FeatureMaps';
import './arch/arch.css';

const selectArch = (s: AppState): ArchConfig => s.views.arch;
const selectPresent = (s: AppState): boolean => s.ui.present;

/** The uploaded image, kept for the page's lifetime (never in the URL, never sent anywhere). */
let uploadedImage: ImageBitmap | null = null;

/** The image pixels for the configuration's source, resized to H×W (null for the seeded input or while loading). */
function usePixels(cfg: ArchConfig, uploaded: ImageBitmap | null) {
  const [state, setState] = useState<{ key: string; pixels: ArchPixels | null; error: boolean }>({ key: '', pixels: null, error: false });
  const key = `${cfg.src}:${cfg.c}:${cfg.h}:${cfg.w}:${uploaded ? 'u' : ''}`;
  useEffect(() => {
    if (cfg.src === 'seeded') return;
    let live = true;
    const source: Promise<ImageBitmap> =
      cfg.src === 'upload' ? (uploaded ? Promise.resolve(uploaded) : Promise.reject(new Error('no image'))) : loadSample(cfg.src as SampleName);
    source.then(
      (img) => live && setState({ key, pixels: imageToPixels(img, cfg.c, cfg.h, cfg.w), error: false }),
      () => live && setState({ key, pixels: null, error: true }),
    );
    return () => {
      live = false;
    };
  }, [key, cfg.src, cfg.c, cfg.h, cfg.w, uploaded]);
  return cfg.src !== 'seeded' && state.key === key ? state : { key, pixels: null, error: false };
}

/**
 * The architecture view: a builder for [Conv, ReLU, Pool]×N → Flatten → [FC, ReLU]×M → FC, its
 * shapes drawn as boxes, every layer's shape, parameters, multiply–accumulates and activations,
 * the PyTorch code, a real forward pass with every feature map, the scores, and the fully connected
 * classifier on the same input for comparison.
 */
export function ArchPanel() {
  const store = getAppStore();
  const cfg = useAppStore(selectArch);
  const storedRejection = useAppStore(selectRejection);
  const lang = useAppStore(selectLang);
  // A refusal is shown in the page's language (its Korean when the action wrote one).
  const rejection = useMemo(
    () => (storedRejection ? { ...storedRejection, message: localized(storedRejection, lang) } : null),
    [storedRejection, lang],
  );
  const [uploaded, setUploaded] = useState<ImageBitmap | null>(uploadedImage);
  const t = useT(arch);
  const tc = useT(common);
  const present = useAppStore(selectPresent);
  /** The file that could not be used (its message is written in the page's language when shown). */
  const [badFile, setBadFile] = useState<{ name: string; size: number; type: string } | null>(null);
  const { pixels, error: pixelError } = usePixels(cfg, uploaded);
  const image = cfg.src !== 'seeded' && pixels !== null;

  const { layers } = useMemo(() => archLayers(cfg), [cfg]);
  const totals = useMemo(() => archTotals(layers), [layers]);
  const run = useMemo(() => forwardArch(cfg, pixels), [cfg, pixels]);
  const input = useMemo<[number, number, number]>(() => [cfg.c, cfg.h, cfg.w], [cfg.c, cfg.h, cfg.w]);
  const code = useMemo(() => localizeCode(archPytorch(layers, input), input, t), [layers, input, t]);

  const apply = useCallback(
    (result: ArchResult, field: string) => {
      const s = store.getState();
      if ('config' in result) s.setView('arch', result.config);
      else s.reject(field, result.rejection.message, result.rejection.ko);
    },
    [store],
  );
  const current = useCallback(() => store.getState().views.arch, [store]);
  const upload = useCallback(
    async (file: File) => {
      try {
        const img = await decodeImage(file, `“${file.name}”`);
        uploadedImage = img;
        setUploaded(img);
        setBadFile(null);
        apply(setArchSource(current(), 'upload'), 'src');
      } catch {
        setBadFile({ name: file.name, size: file.size, type: file.type });
      }
    },
    [apply, current],
  );
  const actions = useMemo<ArchActions>(
    () => ({
      input: (c, h, w) => apply(setArchInput(current(), c, h, w), 'in'),
      source: (src) => {
        setBadFile(null);
        apply(setArchSource(current(), src), 'src');
      },
      upload: (file) => void upload(file),
      seed: (seed) => apply(setArchSeed(current(), seed), 'seed'),
      blocks: (n) => apply(setArchBlocks(current(), n), 'f'),
      block: (i, patch) => apply(setArchBlock(current(), i, patch), 'f'),
      pool: (size) => apply(setArchPool(current(), size), 'pool'),
      fcCount: (m) => apply(setArchFcCount(current(), m), 'fc'),
      fcWidth: (i, w) => apply(setArchFcWidth(current(), i, w), 'fc'),
      classes: (n) => apply(setArchClasses(current(), n), 'classes'),
    }),
    [apply, current, upload],
  );
  const last = layers[layers.length - 1]!;
  const isSample = cfg.src in SAMPLES;
  const sampleNote = isSample ? t.sampleNote(sampleName(cfg.src, t), `${cfg.h}×${cfg.w}`) : null;
  const uploadError = badFile
    ? uploadErrorText(badFile, MAX_UPLOAD_BYTES, t)
    : pixelError
      ? isSample
        ? t.sampleFailed(sampleName(cfg.src, t))
        : t.noImage
      : null;

  return (
    <div className="arch-view">
      <aside className="side edit-only" aria-label={t.settings}>
        <ArchControls cfg={cfg} actions={actions} rejection={rejection} uploadError={uploadError} />
      </aside>
      <div className="main-col">
        <h2 className="visually-hidden">{t.title}</h2>
        <section className="summary arch-summary" aria-label={t.summaryLabel} data-testid="arch-summary">
          <p className="shapes" data-testid="arch-shapes">
            {t.shapes(input.join('×'), formatCount(last.outShape[0]!))}
          </p>
          <p className="arch-totals" data-testid="arch-totals">
            {t.totals(formatCount(totals.params), formatCount(totals.convParams), formatCount(totals.macs), formatCount(totals.activations))}
          </p>
        </section>
        {present && (
          // Presenting hides the settings; the lesson still asks to add a block or change the pool size.
          <PresentSteppers
            label={tc.presentSettings}
            items={[
              {
                id: 'blocks',
                name: t.presentBlocks,
                value: String(cfg.f.length),
                less: () => actions.blocks(cfg.f.length - 1),
                more: () => actions.blocks(cfg.f.length + 1),
                atMin: cfg.f.length <= 1,
                atMax: cfg.f.length >= ARCH_LIMITS.blocks,
              },
              {
                id: 'pool',
                name: t.presentPool,
                value: String(cfg.pool),
                less: () => actions.pool(cfg.pool - 1),
                more: () => actions.pool(cfg.pool + 1),
                atMin: cfg.pool <= 1,
                atMax: cfg.pool >= ARCH_LIMITS.pool,
              },
            ]}
            refusal={rejection !== null && ['f', 'pool'].includes(rejection.field) ? rejection.message : null}
          />
        )}
        <section className="stage-block" aria-labelledby="arch-diagram-title">
          <header>
            <h3 id="arch-diagram-title">{t.diagramTitle}</h3>
          </header>
          <ArchDiagram input={input} layers={layers} present={present} />
        </section>
        <ArchTable input={input} layers={layers} />
        <section className="stage-block arch-code" aria-labelledby="arch-code-title">
          <header>
            <h3 id="arch-code-title">{t.code}</h3>
            <CopyButton text={code} label={tc.copyPytorch} />
          </header>
          <pre data-testid="arch-pytorch" tabIndex={0} role="region" aria-label={t.codeLabel}>
            <code>{code}</code>
          </pre>
          <p className="hint">{t.codeNote}</p>
        </section>
        <div className="stage arch-results">
          <ArchScores cfg={cfg} layers={layers} scores={run.scores} linearScores={run.linearScores} present={present} />
        </div>
        {cfg.src !== 'seeded' && !pixels && !pixelError && <p className="hint">{t.waiting}</p>}
        {sampleNote && <p className="hint">{sampleNote}</p>}
        <FeatureMaps run={run} image={image} present={present} />
      </div>
    </div>
  );
}
