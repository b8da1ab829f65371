/**
 * The built-in lesson (`lesson=intro`): the lecture's path, one idea per step, each step a view link
 * (the views' real URL keys, canonical form, no page settings) and a title and a few sentences in
 * English and Korean, written for a student reading alone and pointing at what to look at or try.
 * test/lesson/intro.test.ts checks that every link opens without problems and every text is there
 * in both languages with the same numbers.
 */
import type { Lang } from '../state/params';

/** One step's words in one language. */
export interface LessonText {
  title: string;
  text: string;
}

/** One step of the built-in lesson. */
export interface IntroStep {
  /** A stable name for tests and references: `stride`, `group`. */
  id: string;
  /** The view and its configuration, as a link: `#/conv?v=1&…`. */
  link: string;
  en: LessonText;
  ko: LessonText;
}

/** The lesson's own title, in both languages. */
export const INTRO_TITLE: Readonly<Record<Lang, string>> = {
  en: 'From pixels to normalization: the lecture step by step',
  ko: '픽셀에서 정규화까지: 강의를 한 단계씩',
};

/** The steps, in the order of the lecture. */
export const INTRO_STEPS: readonly IntroStep[] = [
  {
    id: 'linear',
    link: '#/arch?v=1&in=3x32x32&f=16,32&k=3,3&p=1,1&pool=2&fc=64&classes=10&src=scene&seed=1',
    en: {
      title: 'A linear classifier ignores space',
      text:
        'A fully connected (linear) classifier first flattens the 32×32×3 image into one column of 3,072 numbers, so pixels that were neighbours become unrelated entries and shifting the picture changes every input. ' +
        'Scroll down to the parameter comparison: 10 classes need a 10×3,072 weight matrix plus 10 biases, 30,730 parameters, and the count grows with the image. ' +
        'The convolutions of this network keep the image’s shape instead.',
    },
    ko: {
      title: '선형 분류기는 공간을 무시합니다',
      text:
        '완전 연결(FC) 선형 분류기는 먼저 32×32×3 이미지를 3,072개의 수로 된 한 열로 펼치므로, 이웃한 픽셀도 서로 무관한 항목이 되고 그림을 조금만 옮겨도 모든 입력이 바뀝니다. ' +
        '아래로 스크롤해 파라미터 비교를 보세요: 10개 클래스에는 10×3,072 가중치 행렬과 편향 10개, 곧 30,730개의 파라미터가 필요하고 이미지가 커질수록 늘어납니다. ' +
        '이 신경망의 합성곱은 대신 이미지의 공간 구조를 그대로 유지합니다.',
    },
  },
  {
    id: 'depth',
    link: '#/ideas?v=1&demo=depth&dsrc=scene',
    en: {
      title: 'A filter is as deep as its input',
      text:
        'A filter covers every input channel at once: on an RGB image a 5×5 filter is really 3×5×5, one slice per colour. ' +
        'Placed once on the image it gives ONE number — the products of all 3 slices added up, plus the bias — which is the dot product of a 75-vector with the 75 input values under it. ' +
        'Hover an output cell to follow its sum, then try a 2-channel filter to see why the depth must match.',
    },
    ko: {
      title: '필터는 입력만큼 깊습니다',
      text:
        '필터는 입력의 모든 채널을 한 번에 덮습니다: RGB 이미지에서 5×5 필터는 사실 색마다 한 장씩인 3×5×5입니다. ' +
        '이미지 위에 한 번 포개면 3장의 곱을 모두 더하고 편향을 더한 수 하나가 나오며, 이는 75차원 벡터와 그 아래 75개 입력 값의 내적과 같습니다. ' +
        '출력 칸에 마우스를 올려 그 합을 따라가 보고, 2채널 필터를 시도해 깊이가 왜 같아야 하는지 확인하세요.',
    },
  },
  {
    id: 'filters',
    link: '#/conv?v=1&in=3x6x6&k=3&f=4&s=1&p=0&d=1&seed=7',
    en: {
      title: 'Many filters, many output channels',
      text:
        'Each filter makes one output map, so the number of filters is the number of output channels: here 4 filters of 3×3×3 turn a 3×6×6 input into 4×4×4. ' +
        'The whole layer is one 4×3×3×3 weight tensor plus 4 biases, 112 parameters, as the summary at the top shows. ' +
        'Step through the outputs (→ or the next-step button) and see which filter is at work; change the number of filters and the output depth follows.',
    },
    ko: {
      title: '필터가 많으면 출력 채널도 많습니다',
      text:
        '필터 하나가 출력 맵 하나를 만들므로 필터의 개수가 곧 출력 채널 수입니다: 여기서는 3×3×3 필터 4개가 3×6×6 입력을 4×4×4로 바꿉니다. ' +
        '이 레이어 전체는 4×3×3×3 가중치 텐서 하나와 편향 4개, 모두 112개의 파라미터이며 위쪽 요약에 나와 있습니다. ' +
        '→ 키나 다음 단계 버튼으로 출력을 한 단계씩 따라가며 어느 필터가 계산하는지 보고, 필터 수를 바꾸면 출력의 깊이가 따라 바뀌는 것을 확인하세요.',
    },
  },
  {
    id: 'activation',
    link: '#/ideas?v=1&demo=linear',
    en: {
      title: 'Stacked convolutions need an activation',
      text:
        'A convolution is linear, and two linear maps in a row are still one linear map: here two 3×3 convolutions give exactly the same 3×3 output as one 5×5 kernel (max |difference| = 0). ' +
        'Switch on the ReLU between the layers and no single kernel can do it any more. ' +
        'That is why every convolution in a network is followed by an activation function.',
    },
    ko: {
      title: '합성곱을 쌓으려면 활성화 함수가 필요합니다',
      text:
        '합성곱은 선형 연산이고 선형 연산을 두 번 해도 여전히 하나의 선형 연산입니다: 여기서 3×3 합성곱 두 개는 5×5 커널 하나와 정확히 같은 3×3 출력을 냅니다(최대 |차이| = 0). ' +
        '레이어 사이의 ReLU를 켜면 어떤 커널 하나로도 더 이상 같은 결과를 낼 수 없습니다. ' +
        '그래서 신경망의 합성곱 뒤에는 항상 활성화 함수가 옵니다.',
    },
  },
  {
    id: 'stride',
    link: '#/conv?v=1&in=1x7x7&k=3&f=1&s=2&p=0&d=1&seed=7',
    en: {
      title: 'Stride: how far the filter moves',
      text:
        'The stride is the number of pixels the filter moves between two steps. ' +
        'With stride 2 a 3×3 filter visits every other position of the 7×7 input, so the output is 3×3 instead of 5×5. ' +
        'Step forward a few times (→ or the next-step button) and watch the window jump two columns; then set the stride to 1 and count the steps again.',
    },
    ko: {
      title: '스트라이드: 필터가 움직이는 거리',
      text:
        '스트라이드는 한 단계 뒤 필터가 이동하는 픽셀 수입니다. ' +
        '스트라이드가 2이면 3×3 필터가 7×7 입력의 위치를 하나씩 건너뛰며 방문하므로 출력이 5×5가 아니라 3×3이 됩니다. ' +
        '→ 키나 다음 단계 버튼으로 몇 단계 나아가며 윈도우가 두 열씩 건너뛰는 것을 보고, 스트라이드를 1로 바꿔 단계 수를 다시 세어 보세요.',
    },
  },
  {
    id: 'padding',
    link: '#/conv?v=1&in=3x5x5&k=3&f=2&s=2&p=1&d=1&seed=7',
    en: {
      title: 'Padding and the output size',
      text:
        'Padding adds a border of 0s around the input so that the filter can also sit on the edge pixels. ' +
        'The output size is ⌊(W − K + 2P)/S⌋ + 1, and the formula at the top shows it with this layer’s numbers: ⌊(5 + 2·1 − 3)/2⌋ + 1 = 3. ' +
        'Set the padding to 0, then to 2, and watch the formula and the output maps change.',
    },
    ko: {
      title: '패딩과 출력 크기',
      text:
        '패딩은 입력 둘레에 0을 덧대어 필터가 가장자리 픽셀 위에도 놓일 수 있게 합니다. ' +
        '출력 크기는 ⌊(W − K + 2P)/S⌋ + 1이고, 위쪽 공식에 이 레이어의 수가 대입되어 있습니다: ⌊(5 + 2·1 − 3)/2⌋ + 1 = 3. ' +
        '패딩을 0으로, 그다음 2로 바꾸며 공식과 출력 맵이 어떻게 바뀌는지 보세요.',
    },
  },
  {
    id: 'pointwise',
    link: '#/ideas?v=1&demo=1x1',
    en: {
      title: '1×1 convolutions mix channels',
      text:
        'A 1×1 filter looks at a single pixel, but through all of its channels: each output value is a weighted sum of the 3 channel values at that pixel, plus a bias. ' +
        'The map keeps its 5×5 size while the channels change from 3 to 2, which is how networks shrink or grow their depth cheaply. ' +
        'Pick a pixel to see its sum worked out, and change the number of output channels.',
    },
    ko: {
      title: '1×1 합성곱은 채널을 섞습니다',
      text:
        '1×1 필터는 픽셀 하나만 보지만 그 픽셀의 모든 채널을 봅니다: 각 출력 값은 그 픽셀의 3개 채널 값의 가중합에 편향을 더한 것입니다. ' +
        '맵의 크기는 5×5 그대로이고 채널만 3에서 2로 바뀌므로, 신경망은 이것으로 깊이를 적은 비용으로 줄이거나 늘립니다. ' +
        '픽셀 하나를 골라 그 합의 계산을 보고, 출력 채널 수도 바꿔 보세요.',
    },
  },
  {
    id: 'receptive',
    link: '#/rf?v=1&preset=stack&layers=c3p1*3&in=32&at=3&row=16&col=16',
    en: {
      title: 'Receptive fields grow with depth',
      text:
        'The receptive field of an output cell is the part of the input that can change it. ' +
        'One 3×3 layer sees 3×3 pixels and each further 3×3 layer adds 2, so after L layers it is 1 + L·(K − 1) = 1 + 3·2 = 7. ' +
        'Hover cells of layer 3 to see their 7×7 fields in the input, then add layers or a pooling and watch the field grow faster.',
    },
    ko: {
      title: '수용 영역은 깊어질수록 커집니다',
      text:
        '출력 칸의 수용 영역은 그 값을 바꿀 수 있는 입력의 영역입니다. ' +
        '3×3 레이어 하나는 3×3 픽셀을 보고 3×3 레이어를 하나 더할 때마다 2씩 넓어지므로, L개 레이어 뒤에는 1 + L·(K − 1) = 1 + 3·2 = 7입니다. ' +
        '레이어 3의 칸에 마우스를 올려 입력의 7×7 영역을 확인하고, 레이어나 풀링을 더해 영역이 더 빨리 커지는 것을 보세요.',
    },
  },
  {
    id: 'dilation',
    link: '#/conv?v=1&in=1x7x7&k=3&f=1&s=1&p=0&d=2&seed=7',
    en: {
      title: 'Dilation spreads the filter out',
      text:
        'Dilation puts gaps between the filter’s taps: with dilation 2 a 3×3 filter spans 5×5 pixels but still has only 9 weights. ' +
        'The output-size formula uses the spread size d·(K − 1) + 1 = 5, so the 7×7 input gives a 3×3 output. ' +
        'Step forward (→ or the next-step button) to see the spaced-out window: dilation widens the receptive field without adding weights.',
    },
    ko: {
      title: '팽창(dilation)은 필터를 넓게 펼칩니다',
      text:
        '팽창(dilation)은 필터의 칸 사이에 간격을 둡니다: 팽창이 2이면 3×3 필터가 5×5 픽셀에 걸치지만 가중치는 여전히 9개입니다. ' +
        '출력 크기 공식은 펼쳐진 크기 d·(K − 1) + 1 = 5를 쓰므로 7×7 입력에서 3×3 출력이 나옵니다. ' +
        '→ 키나 다음 단계 버튼으로 한 단계씩 움직이며 간격을 둔 윈도우를 보세요: 팽창은 가중치를 늘리지 않고 수용 영역을 넓힙니다.',
    },
  },
  {
    id: 'pooling',
    link: '#/pool?v=1&kind=max&in=2x4x4&k=2&s=2&p=0&seed=9',
    en: {
      title: 'Pooling shrinks the maps',
      text:
        'Max pooling slides a window over each channel on its own and keeps only the largest value: a 2×2 window with stride 2 turns each 4×4 channel into 2×2. ' +
        'Unlike a convolution it has no weights at all, so it has 0 learnable parameters. ' +
        'Step forward (→ or the next-step button) to see which value wins each window, then switch to average pooling.',
    },
    ko: {
      title: '풀링은 맵을 줄입니다',
      text:
        '최대 풀링은 채널마다 따로 윈도우를 밀며 가장 큰 값만 남깁니다: 스트라이드 2인 2×2 윈도우는 4×4 채널을 각각 2×2로 줄입니다. ' +
        '합성곱과 달리 가중치가 전혀 없어 학습할 파라미터가 0개입니다. ' +
        '→ 키나 다음 단계 버튼으로 한 단계씩 각 윈도우에서 어느 값이 이기는지 보고, 평균 풀링으로도 바꿔 보세요.',
    },
  },
  {
    id: 'architecture',
    link: '#/arch?v=1&in=3x32x32&f=16,32,64&k=3,3,3&p=1,1,1&pool=2&fc=64&classes=10&src=scene&seed=1',
    en: {
      title: 'The classic architecture',
      text:
        'The classic CNN repeats [Conv, ReLU, Pool] N times, flattens, and ends with [FC, ReLU]×M and a last FC layer. ' +
        'Read the shapes in the diagram: 32×32 → 16×16 → 8×8 → 4×4 while the channels grow 16 → 32 → 64, so deeper layers see wider areas with more features. ' +
        'The table lists every layer’s PyTorch module, output shape and parameters; add a block or change the pool size and watch them change.',
    },
    ko: {
      title: '고전적인 CNN 구조',
      text:
        '고전적인 CNN은 [Conv, ReLU, Pool]을 N번 반복하고 펼친 뒤 [FC, ReLU]×M과 마지막 FC 레이어로 끝납니다. ' +
        '그림의 모양을 읽어 보세요: 공간 크기는 32×32 → 16×16 → 8×8 → 4×4로 줄고 채널은 16 → 32 → 64로 늘어나, 깊은 레이어일수록 더 넓은 영역을 더 많은 특징으로 봅니다. ' +
        '표에는 레이어마다 PyTorch 모듈, 출력 모양, 파라미터 수가 있으니 블록을 더하거나 풀 크기를 바꾸며 살펴보세요.',
    },
  },
  {
    id: 'batch',
    link: '#/norm?v=1&kind=batch&n=2&in=3x3x3&seed=1',
    en: {
      title: 'Batch normalization',
      text:
        'Batch norm gives every channel mean 0 and variance 1 over the whole batch: one μ and σ² per channel, computed from N·H·W = 2·3·3 = 18 values. ' +
        'Cells of one colour share their statistics; press Play to see a mean and a variance worked out, and y = γ·x̂ + β add back a learnable scale and shift. ' +
        'Then switch to testing: a test image has no batch, so the running mean and variance kept during training are used.',
    },
    ko: {
      title: '배치 정규화',
      text:
        '배치 정규화는 배치 전체에 걸쳐 채널마다 평균을 0, 분산을 1로 맞춥니다: 채널마다 μ와 σ² 하나를 N·H·W = 2·3·3 = 18개 값에서 구합니다. ' +
        '같은 색의 칸들이 통계를 공유합니다; 재생을 눌러 평균과 분산이 계산되는 과정을 보고, y = γ·x̂ + β가 학습 가능한 크기와 이동을 다시 더하는 것도 확인하세요. ' +
        '그다음 테스트로 바꿔 보세요: 테스트 이미지에는 배치가 없으므로 학습 중에 모은 이동 평균과 이동 분산을 씁니다.',
    },
  },
  {
    id: 'layer',
    link: '#/norm?v=1&layout=nd&kind=layer&n=2&in=3x1x1&seed=1',
    en: {
      title: 'Layer normalization',
      text:
        'Layer norm computes μ and σ² for each sample across all of its features, instead of for each feature across the batch: in the table, μ and σ are 1×3 for batch norm but 2×1 for layer norm. ' +
        'Every sample is normalized on its own, so it works the same for a batch of one and at test time, which is why language models use it. ' +
        'Click a cell of the other sample to work out its statistics.',
    },
    ko: {
      title: '레이어 정규화',
      text:
        '레이어 정규화는 배치에 걸친 특징별 통계 대신 샘플마다 모든 특징에 걸쳐 μ와 σ²를 구합니다: 표에서 μ와 σ는 배치 정규화에서 1×3이지만 레이어 정규화에서는 2×1입니다. ' +
        '샘플마다 따로 정규화하므로 샘플이 하나뿐인 배치나 테스트 때도 똑같이 동작하며, 그래서 언어 모델이 이것을 씁니다. ' +
        '다른 샘플의 칸을 클릭해 그 통계도 계산해 보세요.',
    },
  },
  {
    id: 'instance',
    link: '#/norm?v=1&kind=instance&n=2&in=3x3x3&seed=1',
    en: {
      title: 'Instance normalization',
      text:
        'Instance norm computes μ and σ² for each sample and each channel, over that channel’s H·W = 3·3 = 9 values only. ' +
        'With 2 samples and 3 channels that makes 6 groups, each normalized on its own; style-transfer networks use it to remove each image’s own contrast. ' +
        'Compare the instance column of the table with the batch and layer columns.',
    },
    ko: {
      title: '인스턴스 정규화',
      text:
        '인스턴스 정규화는 샘플마다, 채널마다 그 채널의 H·W = 3·3 = 9개 값만으로 μ와 σ²를 구합니다. ' +
        '샘플 2개와 채널 3개이므로 그룹이 6개이고 각 그룹이 따로 정규화됩니다; 스타일 변환 신경망은 이것으로 이미지마다의 대비를 없앱니다. ' +
        '표의 인스턴스 열을 배치 열, 레이어 열과 비교해 보세요.',
    },
  },
  {
    id: 'group',
    link: '#/norm?v=1&kind=group&g=2&n=2&in=4x3x3&seed=1',
    en: {
      title: 'Group normalization',
      text:
        'Group norm sits between layer and instance norm: each sample’s channels are split into G groups, and every group shares one μ and σ². ' +
        'Here 4 channels in G = 2 groups give (C/G)·H·W = 2·3·3 = 18 values per group. ' +
        'Try G = 1, which is layer norm, and G = 4, which is instance norm.',
    },
    ko: {
      title: '그룹 정규화',
      text:
        '그룹 정규화는 레이어 정규화와 인스턴스 정규화의 중간입니다: 샘플마다 채널을 G개 그룹으로 나누고 그룹마다 μ와 σ² 하나를 공유합니다. ' +
        '여기서는 채널 4개를 G = 2개 그룹으로 나누어 그룹마다 (C/G)·H·W = 2·3·3 = 18개 값이 있습니다. ' +
        'G = 1로 바꾸면 레이어 정규화, G = 4로 바꾸면 인스턴스 정규화가 됩니다.',
    },
  },
];
