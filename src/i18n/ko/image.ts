/** The Korean strings of the `image` namespace (src/i18n/image.ts). */
import type { Translation } from '../core';
import type en from '../en/image';

const ko: Translation<typeof en> = {
  theFile: '파일',
  theSample: (name) => `예제 “${name}”`,
  imageTooLarge: (name, mb) => `${name}의 크기는 ${mb} MB입니다. 20 MB까지의 이미지만 사용할 수 있습니다.`,
  imageNotImage: (name, type) => `${name}은(는) 이미지가 아닙니다 (${type}). PNG, JPEG, GIF, WebP, BMP 파일을 사용하세요.`,
  imageUnreadable: (name) =>
    `${name}을(를) 이미지로 읽지 못했습니다. 파일이 손상되었거나 이 브라우저가 해독할 수 없는 형식일 수 있습니다. PNG나 JPEG를 사용해 보세요.`,
  sampleFailed: (name, status) => `예제 이미지 “${name}”을(를) 불러오지 못했습니다 (${status}).`,
};

export default ko;
