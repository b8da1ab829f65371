/**
 * Messages about image files and samples (src/io/image.ts), shown by every view that takes an image.
 * A namespace of their own, so that such a view does not load another view's strings for them.
 */
import { defineStrings } from './core';

const en = {
  theFile: 'The file',
  theSample: (name: string) => `The sample “${name}”`,
  imageTooLarge: (name: string, mb: string) => `${name} is ${mb} MB; images up to 20 MB can be used.`,
  imageNotImage: (name: string, type: string) => `${name} is not an image (${type}). Use a PNG, JPEG, GIF, WebP or BMP file.`,
  imageUnreadable: (name: string) =>
    `${name} could not be read as an image: it may be damaged or in a format this browser cannot decode. Try a PNG or JPEG.`,
  sampleFailed: (name: string, status: string) => `The sample image “${name}” could not be loaded (${status}).`,
};

const ko: typeof en = {
  theFile: '파일',
  theSample: (name) => `예제 “${name}”`,
  imageTooLarge: (name, mb) => `${name}의 크기는 ${mb} MB입니다. 20 MB까지의 이미지만 사용할 수 있습니다.`,
  imageNotImage: (name, type) => `${name}은(는) 이미지가 아닙니다 (${type}). PNG, JPEG, GIF, WebP, BMP 파일을 사용하세요.`,
  imageUnreadable: (name) =>
    `${name}을(를) 이미지로 읽지 못했습니다. 파일이 손상되었거나 이 브라우저가 해독할 수 없는 형식일 수 있습니다. PNG나 JPEG를 사용해 보세요.`,
  sampleFailed: (name, status) => `예제 이미지 “${name}”을(를) 불러오지 못했습니다 (${status}).`,
};

/** The image messages' namespace. */
export const image = defineStrings(en, ko);

/** The image messages in one language (what `useT(image)` returns). */
export type ImageT = (typeof image)['en'];
